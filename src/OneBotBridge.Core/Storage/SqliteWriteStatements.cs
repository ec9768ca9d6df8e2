using Microsoft.Data.Sqlite;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Core.Storage;

/// <summary>The writer connection's prepared statements, reused for every batch.</summary>
internal sealed class SqliteWriteStatements : IDisposable
{
    private readonly SqliteCommand _saveIdMapping;
    private readonly SqliteStatement _saveMessage;
    private readonly SqliteStatement _findPlatformId;
    private readonly SqliteStatement _generationHasRows;
    private readonly SqliteCommand _saveReplySource;
    private readonly SqliteCommand _pruneMessages;
    private readonly SqliteCommand _pruneReplySources;
    private readonly PlatformIdGenerations _generations;
    private readonly List<long> _emptiedGenerations = [];
    private long _nextSeq;

    /// <param name="generations">Where the stored platform ids are; kept up to date with each message saved or pruned.</param>
    public SqliteWriteStatements(SqliteConnection connection, PlatformIdGenerations generations)
    {
        _generations = generations;
        _saveIdMapping = Create(connection, """
            INSERT INTO id_map (kind, value, space, number) VALUES ($kind, $value, $space, $number)
            ON CONFLICT (kind, value) DO NOTHING;
            """, "$kind", "$value", "$space", "$number");
        _saveMessage = new SqliteStatement(connection, """
            INSERT INTO messages (seq, message_id, platform_id, scene, target, sender, direction, time_ms, content)
            VALUES ($seq, $message_id, $platform_id, $scene, $target, $sender, $direction, $time_ms, $content);
            """);
        _findPlatformId = new SqliteStatement(connection, $"SELECT 1 FROM messages WHERE {PlatformIdGenerations.InGeneration};");
        _generationHasRows = new SqliteStatement(
            connection, $"SELECT 1 FROM messages WHERE {PlatformIdGenerations.GenerationOfRow} = $generation LIMIT 1;");
        using (var lastSeq = Create(connection, "SELECT MAX(seq) FROM messages;"))
        {
            _nextSeq = lastSeq.ExecuteScalar() is long last ? last + 1 : 1;
        }

        _saveReplySource = Create(connection, """
            INSERT INTO reply_sources (kind, source_id, scene, target, sender, received_at_ms, seq_high_water, uses)
            VALUES ($kind, $source_id, $scene, $target, $sender, $received_at_ms, $seq_high_water, $uses)
            ON CONFLICT (kind, source_id) DO UPDATE SET
                seq_high_water = MAX(seq_high_water, excluded.seq_high_water),
                uses = MAX(uses, excluded.uses);
            """, "$kind", "$source_id", "$scene", "$target", "$sender", "$received_at_ms", "$seq_high_water", "$uses");
        _pruneMessages = Create(connection, "DELETE FROM messages WHERE time_ms < $before;", "$before");
        _pruneReplySources = Create(connection, "DELETE FROM reply_sources WHERE received_at_ms < $before;", "$before");
    }

    /// <summary>Makes every statement run inside <paramref name="transaction"/>.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in All())
        {
            command.Transaction = transaction;
        }
    }

    public void SaveIdMapping(IdMapping mapping) => Run(
        _saveIdMapping, mapping.Id.Kind.Tag(), mapping.Id.Value, StorageTags.Of(mapping.Id.Space), mapping.Number);

    /// <summary>
    /// Stores a message unless its platform id is stored already. Every message makes this write, so it binds straight
    /// to SQLite (see <see cref="SqliteStatement"/>).
    /// </summary>
    public void SaveMessage(MessageRecord message)
    {
        if (IsStored(message.PlatformMessageId))
        {
            return;
        }

        var seq = _nextSeq++;
        _saveMessage.Bind(1, seq);
        _saveMessage.Bind(2, message.MessageId);
        _saveMessage.Bind(3, message.PlatformMessageId);
        _saveMessage.Bind(4, StorageTags.Of(message.Target.Scene));
        _saveMessage.Bind(5, message.Target.Number);
        _saveMessage.Bind(6, message.SenderNumber);
        _saveMessage.Bind(7, StorageTags.Of(message.Direction));
        _saveMessage.Bind(8, message.Time.ToUnixTimeMilliseconds());
        _saveMessage.Bind(9, message.Content);

        // Before the row: should the insert fail, a filter that says "maybe" costs a seek, one that says "no" loses the row.
        _generations.Add(seq, message.PlatformMessageId);
        _saveMessage.Execute();
    }

    public void SaveReplySource(ReplySourceRecord source) => Run(
        _saveReplySource,
        StorageTags.Of(source.Kind),
        source.SourceId,
        StorageTags.Of(source.Target.Scene),
        source.Target.Number,
        source.SenderNumber,
        source.ReceivedAt.ToUnixTimeMilliseconds(),
        source.SeqHighWater,
        source.Uses);

    /// <summary>
    /// Deletes old messages and notes the generations left with no row (by arrival, not by time: a message dated in
    /// the future must not keep the generations after it), whose filters <see cref="Committed"/> then drops. Never the
    /// generation new rows go to: a message saved later in this batch may already be in its filter.
    /// </summary>
    public void PruneMessages(DateTimeOffset before)
    {
        Run(_pruneMessages, before.ToUnixTimeMilliseconds());
        _emptiedGenerations.Clear();
        var current = PlatformIdGenerations.GenerationOf(_nextSeq);
        foreach (var generation in _generations.Numbers)
        {
            if (generation < current && !HasRows(generation))
            {
                _emptiedGenerations.Add(generation);
            }
        }
    }

    /// <summary>After the batch's commit: a prune's emptied generations are forgotten only once the deletes are durable.</summary>
    public void Committed()
    {
        if (_emptiedGenerations.Count > 0)
        {
            _generations.Forget(_emptiedGenerations);
            _emptiedGenerations.Clear();
        }
    }

    /// <summary>After a batch failed: its deletes are rolled back, so every generation keeps its filter.</summary>
    public void RolledBack() => _emptiedGenerations.Clear();

    public void PruneReplySources(DateTimeOffset before) => Run(_pruneReplySources, before.ToUnixTimeMilliseconds());

    public void Dispose()
    {
        foreach (var command in All())
        {
            command.Dispose();
        }

        _saveMessage.Dispose();
        _findPlatformId.Dispose();
        _generationHasRows.Dispose();
    }

    private IEnumerable<SqliteCommand> All() =>
        [_saveIdMapping, _saveReplySource, _pruneMessages, _pruneReplySources];

    /// <summary>Sees this batch's own rows too: the writer's connection holds its transaction.</summary>
    private bool IsStored(string platformMessageId)
    {
        foreach (var generation in _generations.MayHold(platformMessageId))
        {
            _findPlatformId.Bind(1, generation);
            _findPlatformId.Bind(2, platformMessageId);
            if (_findPlatformId.HasRow())
            {
                return true;
            }
        }

        return false;
    }

    private bool HasRows(long generation)
    {
        _generationHasRows.Bind(1, generation);
        return _generationHasRows.HasRow();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
