using Microsoft.Data.Sqlite;
using OneBotBridge.Core.Messages;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// The lookup every new message makes (is its platform id stored already), on a
/// connection and a prepared statement of its own (<see cref="SqliteStatement"/>): opening a pooled connection and
/// preparing the query again for each message cost more than the query.
/// </summary>
internal sealed class SqliteMessageLookup(string connectionString) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteStatement? _statement;

    public MessageRecord? Find(string platformMessageId)
    {
        lock (_gate)
        {
            var statement = _statement ?? Prepare();
            statement.Bind(1, platformMessageId);
            try
            {
                return statement.Read() ? SqliteBridgeStore.MessageIn(statement) : null;
            }
            finally
            {
                statement.Reset();
            }
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

        _statement = new SqliteStatement(_connection, $"{SqliteBridgeStore.SelectMessage} WHERE platform_id = $platform;");
        return _statement;
    }
}
