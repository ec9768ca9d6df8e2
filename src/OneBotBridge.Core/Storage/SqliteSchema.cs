using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OneBotBridge.Core.Storage;

/// <summary>Creates the tables of a new database, brings an older one up to date, and refuses one written by a newer bridge.</summary>
internal static partial class SqliteSchema
{
    public const int CurrentVersion = 3;

    /// <summary>
    /// Messages in arrival order (<c>seq</c>): a new row goes on the table's last page. Keyed by <c>message_id</c>, a hash
    /// (version 1), each row landed on a random page of the table, which it often split: 300,000 messages of 400 bytes
    /// wrote 3.5 pages each to the log, against 2.1 with hashed numbers in the <c>message_id</c> index. Numbers are now handed out in
    /// arrival order too (see <see cref="OneBotBridge.Core.Messages.MessageStore"/>). Platform ids are random, so their
    /// index is keyed by the row's generation first (version 3; see <see cref="PlatformIdGenerations"/>): keyed by the id
    /// alone (version 2), every message wrote a random page of it. The store keeps platform ids unique itself.
    /// </summary>
    private const string Messages = $"""
        CREATE TABLE messages (
            seq         INTEGER PRIMARY KEY,
            message_id  INTEGER NOT NULL UNIQUE,
            platform_id TEXT    NOT NULL,
            scene       TEXT    NOT NULL,
            target      INTEGER NOT NULL,
            sender      INTEGER NOT NULL,
            direction   TEXT    NOT NULL,
            time_ms     INTEGER NOT NULL,
            content     TEXT    NOT NULL);
        CREATE INDEX messages_time ON messages (time_ms);
        CREATE INDEX messages_platform ON messages ({PlatformIdGenerations.GenerationOfRow}, platform_id);
        """;

    private const string NewDatabase = $"""
        CREATE TABLE id_map (
            kind   TEXT    NOT NULL,
            value  TEXT    NOT NULL,
            space  TEXT    NOT NULL,
            number INTEGER NOT NULL,
            PRIMARY KEY (kind, value));
        CREATE INDEX id_map_number ON id_map (space, number);

        {Messages}

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

    /// <summary>
    /// From version 1 or 2: the same messages, copied into the table of <see cref="Messages"/>, oldest first (version 1
    /// was keyed by <c>message_id</c>; version 2 keeps its <c>seq</c>).
    /// </summary>
    private static string MessagesCopiedFrom(int version) => $"""
        DROP INDEX messages_time;
        ALTER TABLE messages RENAME TO messages_before;
        {Messages}
        INSERT INTO messages (seq, message_id, platform_id, scene, target, sender, direction, time_ms, content)
        SELECT {(version == 1 ? "NULL" : "seq")}, message_id, platform_id, scene, target, sender, direction, time_ms, content
        FROM messages_before ORDER BY {(version == 1 ? "time_ms, message_id" : "seq")};
        DROP TABLE messages_before;
        """;

    public static void Apply(SqliteConnection connection, string path, ILogger logger)
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
            Execute(connection, transaction, NewDatabase);
            Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({CurrentVersion});");
        }
        else if (stored < CurrentVersion)
        {
            Log.Upgrading(logger, path, stored, CurrentVersion);
            Execute(connection, transaction, MessagesCopiedFrom(stored));
            Execute(connection, transaction, $"UPDATE schema_version SET version = {CurrentVersion};");
        }

        transaction.Commit();
        if (stored is > 0 and < CurrentVersion)
        {
            // The copy went through the log: move it into the database now and give the disk back.
            Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        return command.ExecuteScalar() is long version ? (int)version : 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Storage at {Path} is upgraded from schema version {From} to {To}: messages are copied once into a new table")]
        public static partial void Upgrading(ILogger logger, string path, int from, int to);
    }
}
