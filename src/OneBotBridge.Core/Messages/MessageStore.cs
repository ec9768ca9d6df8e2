using OneBotBridge.Core.Caching;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Core.Messages;

/// <summary>
/// Numbers every message, received or sent, with a positive int32 <c>message_id</c> that <c>get_msg</c>,
/// <c>delete_msg</c> and <c>reply</c> segments resolve, and stores it. Numbers are handed out in arrival order, one
/// after another, skipping numbers a stored message still holds and going round from <see cref="int.MaxValue"/> to 1.
/// After a restart they go on <see cref="RestartGap"/> past the newest stored message; a new database starts at a
/// random number, so a framework that kept numbers from a lost database rarely finds them pointing at new messages.
/// Consecutive numbers keep the store's index of them append-only (a hash of the platform id, as numbers once were,
/// put each new one on a random page of it). Recent messages are served from a bounded in-memory cache in front of the
/// store; it keeps their summaries, not their content, which only <c>get_msg</c> reads (from the store).
/// </summary>
public sealed class MessageStore : IDisposable
{
    private readonly IBridgeStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly SemaphoreSlim _numbering = new(1, 1);
    private readonly Lock _gate = new();
    private readonly LruCache<int, CachedMessage> _byId;
    private readonly LruCache<string, int> _idsByPlatformId;
    private readonly Dictionary<string, InFlight> _inFlightByPlatformId = new(StringComparer.Ordinal);
    private readonly Dictionary<int, InFlight> _inFlightById = [];
    private readonly Random _random;

    /// <summary>
    /// How far numbering jumps past the newest stored message at start. Power lost before the log was synced (the store
    /// syncs it every few thousand writes) takes the last commits with it, and frameworks may have been shown their numbers:
    /// starting after the newest survivor would give those numbers to new messages.
    /// </summary>
    public const int RestartGap = 1 << 20;

    /// <summary>The next number to hand out (0 until the store was asked), and the free run it lies in. Under <see cref="_numbering"/>.</summary>
    private int _next;
    private FreeMessageIds? _free;

    /// <param name="random">Picks the first number of a new database.</param>
    public MessageStore(IBridgeStore store, StorageOptions options, TimeProvider time, Random? random = null)
    {
        _store = store;
        _random = random ?? Random.Shared;
        _time = time;
        _retention = options.MessageRetention;
        _byId = new LruCache<int, CachedMessage>(options.MessageCacheSize);
        _idsByPlatformId = new LruCache<string, int>(options.MessageCacheSize, StringComparer.Ordinal);
    }

    /// <summary>
    /// The <c>message_id</c> of a message, assigned and stored on first sight; a platform message id seen
    /// before keeps its first number (and its first record). Completes once the record is stored.
    /// </summary>
    public async ValueTask<int> RecordAsync(MessageDraft draft, CancellationToken cancellationToken)
    {
        var assigned = await AssignAsync(draft, cancellationToken).ConfigureAwait(false);
        await assigned.Stored.WaitAsync(cancellationToken).ConfigureAwait(false);
        return assigned.MessageId;
    }

    /// <summary>
    /// Like <see cref="RecordAsync"/>, but completes as soon as the number is assigned (lookups see the record
    /// from then on); <see cref="AssignedMessageId.Stored"/> completes once it is stored. Lets the event path
    /// number the next message while this one is being written.
    /// </summary>
    public async ValueTask<AssignedMessageId> AssignAsync(MessageDraft draft, CancellationToken cancellationToken)
    {
        if (TryGetKnownId(draft.PlatformMessageId, out var knownId, out var pending))
        {
            return new AssignedMessageId(knownId, pending?.Stored ?? Task.CompletedTask, IsNew: false);
        }

        await _numbering.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryGetKnownId(draft.PlatformMessageId, out knownId, out pending))
            {
                return new AssignedMessageId(knownId, pending?.Stored ?? Task.CompletedTask, IsNew: false);
            }

            if (await _store.FindMessageByPlatformIdAsync(draft.PlatformMessageId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                Cache(stored);
                return new AssignedMessageId(stored.MessageId, Task.CompletedTask, IsNew: false);
            }

            var messageId = await NextNumberAsync(cancellationToken).ConfigureAwait(false);
            var inFlight = Store(MessageRecord.From(messageId, draft));
            return new AssignedMessageId(inFlight.MessageId, inFlight.Stored, IsNew: true);
        }
        finally
        {
            _numbering.Release();
        }
    }

    /// <summary>The message numbered <paramref name="messageId"/>, with its content; null if unknown or pruned.</summary>
    public async ValueTask<MessageRecord?> FindRecordAsync(int messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inFlightById.TryGetValue(messageId, out var inFlight))
            {
                return inFlight.Record;
            }
        }

        var stored = await _store.FindMessageAsync(messageId, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            Cache(stored);
        }

        return stored;
    }

    /// <summary>The message numbered <paramref name="messageId"/>, or null if unknown or pruned.</summary>
    public async ValueTask<MessageSummary?> FindAsync(int messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inFlightById.TryGetValue(messageId, out var inFlight))
            {
                return inFlight.Record;
            }

            if (_byId.TryGet(messageId, out var cached))
            {
                return cached.Summary(messageId);
            }
        }

        return Remember(await _store.FindMessageAsync(messageId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The message the platform calls <paramref name="platformMessageId"/>, or null if unknown or pruned.</summary>
    public async ValueTask<MessageSummary?> FindByPlatformIdAsync(string platformMessageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inFlightByPlatformId.TryGetValue(platformMessageId, out var inFlight))
            {
                return inFlight.Record;
            }

            if (_idsByPlatformId.TryGet(platformMessageId, out var messageId) && _byId.TryGet(messageId, out var cached))
            {
                return cached.Summary(messageId);
            }
        }

        return Remember(await _store.FindMessageByPlatformIdAsync(platformMessageId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Forgets stored messages older than <see cref="StorageOptions.MessageRetention"/>.</summary>
    public Task PruneAsync(CancellationToken cancellationToken) =>
        _store.PruneMessagesAsync(_time.GetUtcNow() - _retention, cancellationToken);

    public void Dispose() => _numbering.Dispose();

    private bool TryGetKnownId(string platformMessageId, out int messageId, out InFlight? pending)
    {
        lock (_gate)
        {
            if (_inFlightByPlatformId.TryGetValue(platformMessageId, out pending))
            {
                messageId = pending.MessageId;
                return true;
            }

            return _idsByPlatformId.TryGet(platformMessageId, out messageId);
        }
    }

    /// <summary>The next number no message holds. Runs under <see cref="_numbering"/>.</summary>
    private async ValueTask<int> NextNumberAsync(CancellationToken cancellationToken)
    {
        if (_next == 0)
        {
            _next = await _store.FindNewestMessageIdAsync(cancellationToken).ConfigureAwait(false) is { } newest
                ? Skip(newest, RestartGap)
                : _random.Next(1, int.MaxValue);
        }

        if (_free is not { } free || _next < free.First || _next > free.Last)
        {
            free = await _store.FindFreeMessageIdsAsync(_next, cancellationToken).ConfigureAwait(false)
                ?? await _store.FindFreeMessageIdsAsync(1, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("every message_id is held by a stored message");
            _free = free;
            _next = free.First;
        }

        var number = _next;
        _next = Skip(number, 1);
        if (_next < number)
        {
            // Past int.MaxValue: the numbers from 1 on may have been handed out since the run was looked up.
            _free = null;
        }

        return number;
    }

    /// <summary>The number <paramref name="count"/> after <paramref name="number"/>, going round from int.MaxValue to 1.</summary>
    private static int Skip(int number, int count) => (int)((number - 1L + count) % int.MaxValue) + 1;

    private InFlight Store(MessageRecord record)
    {
        var inFlight = new InFlight(record);
        lock (_gate)
        {
            // Registered and started under one lock, so no lookup sees the record without its save.
            _inFlightById[record.MessageId] = inFlight;
            _inFlightByPlatformId[record.PlatformMessageId] = inFlight;
            inFlight.Stored = SaveAsync(inFlight);
        }

        return inFlight;
    }

    /// <summary>Saves a new record, then moves it from in-flight to the cache (or, if the save failed, forgets it).</summary>
    private async Task SaveAsync(InFlight inFlight)
    {
        var record = inFlight.Record;
        try
        {
            await _store.SaveMessageAsync(record, CancellationToken.None).ConfigureAwait(false);
            Cache(record);
        }
        finally
        {
            lock (_gate)
            {
                _inFlightById.Remove(record.MessageId);
                _inFlightByPlatformId.Remove(record.PlatformMessageId);
            }
        }
    }

    /// <summary>Caches <paramref name="stored"/> (read from the store) and returns it without its content.</summary>
    private MessageSummary? Remember(MessageRecord? stored)
    {
        if (stored is null)
        {
            return null;
        }

        Cache(stored);
        return stored.Summarize();
    }

    private void Cache(MessageRecord record)
    {
        lock (_gate)
        {
            _byId.Set(record.MessageId, CachedMessage.Of(record));
            // The key is the cached entry's own string: keying by it keeps nothing alive the entry does not.
            _idsByPlatformId.Set(record.PlatformMessageId, record.MessageId);
        }
    }

    /// <summary>
    /// What the cache keeps of a message, by value: thousands of messages a second pass through it, and an object per
    /// entry would live just long enough to be promoted.
    /// </summary>
    private readonly record struct CachedMessage(
        string PlatformMessageId, ChatTarget Target, long SenderNumber, MessageDirection Direction, DateTimeOffset Time)
    {
        public static CachedMessage Of(MessageSummary message) =>
            new(message.PlatformMessageId, message.Target, message.SenderNumber, message.Direction, message.Time);

        public MessageSummary Summary(int messageId) => new(messageId, PlatformMessageId, Target, SenderNumber, Direction, Time);
    }

    /// <summary>A numbered message on its way to the store; lookups see it before the store does.</summary>
    private sealed class InFlight(MessageRecord record)
    {
        public int MessageId => Record.MessageId;

        public MessageRecord Record { get; } = record;

        public Task Stored { get; set; } = Task.CompletedTask;
    }
}
