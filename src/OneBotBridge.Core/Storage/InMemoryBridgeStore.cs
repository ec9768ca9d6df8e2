using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Core.Storage;

/// <summary>A store that lives as long as the process: for tests and for running without a database.</summary>
public sealed class InMemoryBridgeStore : IBridgeStore
{
    private readonly Lock _gate = new();
    private readonly List<IdMapping> _mappings = [];
    private readonly HashSet<PlatformId> _mappedIds = [];
    private readonly Dictionary<int, MessageRecord> _messages = [];
    private readonly Dictionary<string, int> _messageIdsByPlatformId = new(StringComparer.Ordinal);
    private readonly List<int> _messageIdsInArrivalOrder = [];
    private readonly Dictionary<(ReplySourceKind, string), ReplySourceRecord> _replySources = [];

    public Task<IReadOnlyList<IdMapping>> LoadIdMappingsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<IdMapping>>([.. _mappings]);
        }
    }

    public Task SaveIdMappingAsync(IdMapping mapping, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_mappedIds.Add(mapping.Id))
            {
                _mappings.Add(mapping);
            }
        }

        return Task.CompletedTask;
    }

    public Task SaveMessageAsync(MessageRecord message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_messageIdsByPlatformId.ContainsKey(message.PlatformMessageId))
            {
                if (!_messages.TryAdd(message.MessageId, message))
                {
                    return Task.FromException(new InvalidOperationException(
                        $"message_id {message.MessageId} is already taken by another message"));
                }

                _messageIdsByPlatformId.Add(message.PlatformMessageId, message.MessageId);
                _messageIdsInArrivalOrder.Add(message.MessageId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<MessageRecord?> FindMessageAsync(int messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_messages.GetValueOrDefault(messageId));
        }
    }

    public Task<int?> FindNewestMessageIdAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<int?>(_messageIdsInArrivalOrder.Count > 0 ? _messageIdsInArrivalOrder[^1] : null);
        }
    }

    public Task<FreeMessageIds?> FindFreeMessageIdsAsync(int from, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            long first = from;
            while (first <= int.MaxValue && _messages.ContainsKey((int)first))
            {
                first++;
            }

            if (first > int.MaxValue)
            {
                return Task.FromResult<FreeMessageIds?>(null);
            }

            var nextHeld = _messages.Keys.Where(id => id > first).Select(id => (long)id).DefaultIfEmpty(int.MaxValue + 1L).Min();
            return Task.FromResult<FreeMessageIds?>(new FreeMessageIds((int)first, (int)(nextHeld - 1)));
        }
    }

    public Task<MessageRecord?> FindMessageByPlatformIdAsync(string platformMessageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_messageIdsByPlatformId.TryGetValue(platformMessageId, out var messageId)
                ? _messages[messageId]
                : null);
        }
    }

    public Task<IReadOnlyList<ReplySourceRecord>> LoadReplySourcesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var unreplied = _messages.Values
                .Where(m => m.Direction == MessageDirection.Received && !_replySources.ContainsKey((ReplySourceKind.Message, m.PlatformMessageId)))
                .Select(m => new ReplySourceRecord(ReplySourceKind.Message, m.PlatformMessageId, m.Target, m.SenderNumber, m.Time, 0, 0));
            return Task.FromResult<IReadOnlyList<ReplySourceRecord>>(
                [.. _replySources.Values.Concat(unreplied).Where(s => s.ReceivedAt >= since).OrderBy(s => s.ReceivedAt)]);
        }
    }

    public Task SaveReplySourceAsync(ReplySourceRecord source, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (source.Kind, source.SourceId);
            _replySources[key] = _replySources.TryGetValue(key, out var stored)
                ? stored with
                {
                    SeqHighWater = Math.Max(stored.SeqHighWater, source.SeqHighWater),
                    Uses = Math.Max(stored.Uses, source.Uses),
                }
                : source;
        }

        return Task.CompletedTask;
    }

    public Task PruneMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var old in _messages.Values.Where(m => m.Time < before).ToList())
            {
                _messages.Remove(old.MessageId);
                _messageIdsByPlatformId.Remove(old.PlatformMessageId);
                _messageIdsInArrivalOrder.Remove(old.MessageId);
            }
        }

        return Task.CompletedTask;
    }

    public Task PruneReplySourcesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var old in _replySources.Where(s => s.Value.ReceivedAt < before).ToList())
            {
                _replySources.Remove(old.Key);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
