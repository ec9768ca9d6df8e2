using Microsoft.Data.Sqlite;
using OneBotBridge.Core.Messages;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// The lookup every new message makes (is its platform id stored, is its first-choice number free), on a
/// connection and a prepared statement of its own: opening a pooled connection and preparing the query again
/// for each message cost more than the query.
/// </summary>
internal sealed class SqliteMessageLookup(string connectionString) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;

    public IReadOnlyList<MessageRecord> Find(string platformMessageId, int messageId)
    {
        lock (_gate)
        {
            var command = _command ?? Prepare();
            command.Parameters[0].Value = platformMessageId;
            command.Parameters[1].Value = messageId;
            using var reader = command.ExecuteReader();
            var found = new List<MessageRecord>(2);
            while (SqliteBridgeStore.ReadMessage(reader) is { } message)
            {
                found.Add(message);
            }

            return found;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _command?.Dispose();
            _connection?.Dispose();
        }
    }

    private SqliteCommand Prepare()
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = $"{SqliteBridgeStore.SelectMessage} WHERE platform_id = $platform OR message_id = $number;";
        _command.Parameters.Add("$platform", SqliteType.Text);
        _command.Parameters.Add("$number", SqliteType.Integer);
        _command.Prepare();
        return _command;
    }
}
