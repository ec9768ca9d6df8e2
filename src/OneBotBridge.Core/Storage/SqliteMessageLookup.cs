using Microsoft.Data.Sqlite;
using OneBotBridge.Core.Messages;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// The lookup every new message makes (is its platform id stored already), on a
/// connection and a prepared statement of its own (<see cref="SqliteStatement"/>): opening a pooled connection and
/// preparing the query again for each message cost more than the query. It seeks only in the generations
/// <paramref name="generations"/> says may hold the id: for a new message, usually none once the stored ids are read.
/// </summary>
internal sealed class SqliteMessageLookup(string connectionString, PlatformIdGenerations generations) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteStatement? _statement;

    public MessageRecord? Find(string platformMessageId)
    {
        var candidates = generations.MayHold(platformMessageId);
        if (candidates.Length == 0)
        {
            return null;
        }

        lock (_gate)
        {
            var statement = _statement ?? Prepare();
            foreach (var generation in candidates)
            {
                statement.Bind(1, generation);
                statement.Bind(2, platformMessageId);
                try
                {
                    if (statement.Read())
                    {
                        return SqliteBridgeStore.MessageIn(statement);
                    }
                }
                finally
                {
                    statement.Reset();
                }
            }

            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _statement?.Dispose();
            _connection?.Dispose();
        }
    }

    private SqliteStatement Prepare()
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();

        // Microsoft.Data.Sqlite retries a busy database itself; a statement stepped directly relies on SQLite's wait.
        using (var busyTimeout = _connection.CreateCommand())
        {
            busyTimeout.CommandText = "PRAGMA busy_timeout = 30000;";
            busyTimeout.ExecuteNonQuery();
        }

        _statement = new SqliteStatement(_connection, $"{SqliteBridgeStore.SelectMessage} WHERE {PlatformIdGenerations.InGeneration};");
        return _statement;
    }
}
