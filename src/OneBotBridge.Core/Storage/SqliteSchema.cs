using Microsoft.Data.Sqlite;

namespace OneBotBridge.Core.Storage;

/// <summary>Creates the tables of a new database and refuses one written by a newer bridge.</summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 1;

    private const string Version1 = """
        CREATE TABLE id_map (
            kind   TEXT    NOT NULL,
            value  TEXT    NOT NULL,
            space  TEXT    NOT NULL,
            number INTEGER NOT NULL,
            PRIMARY KEY (kind, value));
        CREATE INDEX id_map_number ON id_map (space, number);

        CREATE TABLE messages (
            message_id  INTEGER PRIMARY KEY,
            platform_id TEXT    NOT NULL UNIQUE,
            scene       TEXT    NOT NULL,
            target      INTEGER NOT NULL,
            sender      INTEGER NOT NULL,
            direction   TEXT    NOT NULL,
            time_ms     INTEGER NOT NULL,
            content     TEXT    NOT NULL);
        CREATE INDEX messages_time ON messages (time_ms);

        CREATE TABLE reply_sources (
            kind           TEXT    NOT NULL,
            source_id      TEXT    NOT NULL,
            scene          TEXT    NOT NULL,
            target         INTEGER NOT NULL,
            sender         INTEGER,
            received_at_ms INTEGER NOT NULL,
            seq_high_water INTEGER NOT NULL,
            uses           INTEGER NOT NULL,
            PRIMARY KEY (kind, source_id));
        CREATE INDEX reply_sources_received ON reply_sources (received_at_ms);
        """;

    public static void Apply(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        var stored = ReadVersion(connection, transaction);
        if (stored > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"storage.path '{path}' was written by a newer bridge (schema version {stored}, this one knows {CurrentVersion}); " +
                "upgrade the bridge or point storage.path at another file");
        }

        if (stored == 0)
        {
            Execute(connection, transaction, Version1);
            Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({CurrentVersion});");
        }

        transaction.Commit();
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        return command.ExecuteScalar() is long version ? (int)version : 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
