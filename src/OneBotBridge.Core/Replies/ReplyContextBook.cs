using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// Remembers the received messages and events each conversation can be replied to, and picks the reply
/// context of a send: the message replied to if still usable, else the newest usable message from the
/// preferred user, else the newest usable message in the conversation, else the newest usable event.
/// "Usable" means inside the scene's window and under its reply limit. No <c>msg_seq</c> is handed out twice,
/// across restarts too: every one lies inside its source's stored reservation (<see cref="ReplySource.SeqBlock"/>)
/// before it is returned. A received message is not stored here: its row in the message store is what a restart
/// finds it by (see <see cref="IBridgeStore.LoadReplySourcesAsync"/>), until its first reply stores its state.
/// A send may pick a message whose row is still being written (the newest in a busy group); should the bridge stop
/// before the row is written, the message is gone with it and nothing can reply to it again.
/// </summary>
public sealed class ReplyContextBook
{
    /// <summary>Messages remembered per conversation: a busy group replies to recent ones anyway.</summary>
    private const int MessagesPerTarget = 128;

    private const int EventsPerTarget = 16;

    /// <summary>Every so many recordings, conversations gone quiet are forgotten.</summary>
    private const int SweepEvery = 1024;

    private readonly Lock _gate = new();
    // One table per kind, keyed by the bare id: a string key hashes faster than a (kind, id) pair, on every message.
    private readonly Dictionary<string, ReplySource> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplySource> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<ChatTarget, History> _histories = [];
    private readonly IBridgeStore _store;
    private readonly ReplyOptions _options;
    private readonly TimeProvider _time;
    private int _recordedSinceSweep;

    private ReplyContextBook(IBridgeStore store, ReplyOptions options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
    }

    /// <summary>Loads the sources that may still be usable, with their msg_seq high-water marks.</summary>
    public static async Task<ReplyContextBook> LoadAsync(
        IBridgeStore store, ReplyOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var book = new ReplyContextBook(store, options, time);
        var since = time.GetUtcNow() - options.LongestWindow;
        foreach (var record in await store.LoadReplySourcesAsync(since, cancellationToken).ConfigureAwait(false))
        {
            book.Add(ReplySource.From(record));
        }

        return book;
    }

    /// <summary>
    /// Remembers a received message as something to reply to. <paramref name="sentAt"/> is the platform's
    /// timestamp: the window runs from it (or from now, if it lies in the future). Nothing is written: the
    /// message itself is stored by the message store.
    /// </summary>
    public void RecordMessage(ChatTarget target, long senderNumber, string platformMessageId, DateTimeOffset? sentAt) =>
        Remember(ReplySourceKind.Message, platformMessageId, target, senderNumber, sentAt);

    /// <summary>
    /// Remembers a received event whose <c>event_id</c> can be replied to (group add, C2C receive,
    /// friend add, interaction).
    /// </summary>
    public Task RecordEventAsync(ChatTarget target, string eventId, DateTimeOffset? sentAt, CancellationToken cancellationToken) =>
        Remember(ReplySourceKind.Event, eventId, target, null, sentAt) is { } source
            ? _store.SaveReplySourceAsync(source.ToRecord(), cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Picks the reply context of one send to <paramref name="target"/> and takes the next <c>msg_seq</c> of
    /// it; completes once that seq is reserved in the store (for most sends at once: see
    /// <see cref="ReplySource.SeqBlock"/>). <paramref name="replyToPlatformMessageId"/> is the message of a
    /// <c>reply</c> segment, <paramref name="preferredSenderNumber"/> the user the send answers.
    /// </summary>
    public ValueTask<ReplySelection> SelectAsync(
        ChatTarget target, long? preferredSenderNumber, string? replyToPlatformMessageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (Pick(target, preferredSenderNumber, replyToPlatformMessageId, now) is not { } picked)
            {
                return ValueTask.FromResult(ReplySelection.None(ExplainNone(target, now)));
            }

            ref var source = ref Source(picked.Kind, picked.Id);
            source.Uses++;
            return TakeSeq(ref source, cancellationToken);
        }
    }

    /// <summary>
    /// A fresh <c>msg_seq</c> for the same source after the platform refused <paramref name="rejected"/>'s
    /// (40054005, duplicate msg_seq); it does not count as another reply.
    /// </summary>
    public ValueTask<ReplySelection> RenewSeqAsync(ReplyContext rejected, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ref var source = ref Source(rejected.Kind, rejected.SourceId);
            if (Unsafe.IsNullRef(ref source))
            {
                return ValueTask.FromResult(
                    ReplySelection.None($"the {Describe(rejected.Kind)} replied to in {rejected.Target} is no longer remembered"));
            }

            return TakeSeq(ref source, cancellationToken);
        }
    }

    /// <summary>
    /// Stops picking the source of <paramref name="context"/> after the platform called it expired or invalid
    /// (e.g. 40034024, 40034025, 304027).
    /// </summary>
    public void MarkRejected(ReplyContext context)
    {
        lock (_gate)
        {
            ref var source = ref Source(context.Kind, context.SourceId);
            if (!Unsafe.IsNullRef(ref source))
            {
                source.Rejected = true;
            }
        }
    }

    /// <summary>Forgets sources whose windows have closed, in memory and in the store.</summary>
    public Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
        }

        return _store.PruneReplySourcesAsync(now - _options.LongestWindow, cancellationToken);
    }

    /// <returns>The new source, or <c>null</c> if it was known.</returns>
    private ReplySource? Remember(ReplySourceKind kind, string id, ChatTarget target, long? senderNumber, DateTimeOffset? sentAt)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (SourcesOf(kind).ContainsKey(id))
            {
                return null;
            }

            var receivedAt = sentAt is { } at && at < now ? at : now;
            var source = new ReplySource(kind, id, target, senderNumber, receivedAt);
            Add(source);
            Trim(_histories[target], now);
            if (++_recordedSinceSweep >= SweepEvery)
            {
                Sweep(now);
            }

            return source;
        }
    }

    private Dictionary<string, ReplySource> SourcesOf(ReplySourceKind kind) => kind == ReplySourceKind.Message ? _messages : _events;

    /// <summary>The source of <paramref name="id"/>, to read or change in place; a null reference when not remembered.</summary>
    private ref ReplySource Source(ReplySourceKind kind, string id) =>
        ref CollectionsMarshal.GetValueRefOrNullRef(SourcesOf(kind), id);

    private (ReplySourceKind Kind, string Id)? Pick(ChatTarget target, long? preferredSenderNumber, string? replyToPlatformMessageId, DateTimeOffset now)
    {
        if (replyToPlatformMessageId is not null)
        {
            ref var repliedTo = ref Source(ReplySourceKind.Message, replyToPlatformMessageId);
            if (!Unsafe.IsNullRef(ref repliedTo) && repliedTo.Target == target && IsUsable(in repliedTo, now))
            {
                return (ReplySourceKind.Message, replyToPlatformMessageId);
            }
        }

        if (!_histories.TryGetValue(target, out var history))
        {
            return null;
        }

        return (preferredSenderNumber is { } sender ? Newest(history.Messages, ReplySourceKind.Message, now, sender) : null)
            ?? Newest(history.Messages, ReplySourceKind.Message, now, fromSender: null)
            ?? Newest(history.Events, ReplySourceKind.Event, now, fromSender: null);
    }

    /// <summary>The newest usable source among <paramref name="ids"/>, from <paramref name="fromSender"/> when given.</summary>
    private (ReplySourceKind Kind, string Id)? Newest(List<string> ids, ReplySourceKind kind, DateTimeOffset now, long? fromSender)
    {
        for (var i = ids.Count - 1; i >= 0; i--)
        {
            ref var source = ref Source(kind, ids[i]);
            if ((fromSender is null || source.SenderNumber == fromSender) && IsUsable(in source, now))
            {
                return (kind, ids[i]);
            }
        }

        return null;
    }

    private bool IsUsable(in ReplySource source, DateTimeOffset now) =>
        !source.Rejected
        && IsInWindow(in source, now)
        && (_options.ReplyLimit(source.Target.Scene) is not { } limit || source.Uses < limit);

    private bool IsInWindow(in ReplySource source, DateTimeOffset now) =>
        now - source.ReceivedAt <= Window(in source) - _options.Margin;

    private TimeSpan Window(in ReplySource source) => source.Kind == ReplySourceKind.Message
        ? _options.MessageWindow(source.Target.Scene)
        : _options.EventWindow;

    /// <summary>
    /// Takes the next seq of <paramref name="source"/> and stores the source's new state. Writes are stored in the
    /// order they are made, and this runs under the book's lock, so a source's states reach the store in order.
    /// </summary>
    private ValueTask<ReplySelection> TakeSeq(ref ReplySource source, CancellationToken cancellationToken)
    {
        var reserving = source.TakeSeq(out var seq);
        var selection = ReplySelection.Of(
            new ReplyContext(source.Kind, source.Id, seq, source.Target),
            _store.SaveReplySourceAsync(source.ToRecord(), CancellationToken.None));
        return reserving ? WhenReservedAsync(selection, source.SeqReserved, cancellationToken) : ValueTask.FromResult(selection);
    }

    /// <summary>
    /// Waits until the write carrying <paramref name="reserved"/> is stored, then lets later seqs up to it go out at once.
    /// If the write fails or the wait is cancelled, nothing is acknowledged: the next send waits for a write of its own.
    /// </summary>
    private async ValueTask<ReplySelection> WhenReservedAsync(ReplySelection selection, int reserved, CancellationToken cancellationToken)
    {
        await selection.Stored.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            ref var source = ref Source(selection.Context!.Kind, selection.Context.SourceId);
            if (!Unsafe.IsNullRef(ref source))
            {
                source.Acknowledge(reserved);
            }
        }

        return selection;
    }

    private string ExplainNone(ChatTarget target, DateTimeOffset now)
    {
        var window = _options.MessageWindow(target.Scene);
        var exhausted = _histories.TryGetValue(target, out var history)
            && (HasOneInWindow(history.Messages, ReplySourceKind.Message, now) || HasOneInWindow(history.Events, ReplySourceKind.Event, now));
        return exhausted
            ? $"every message to reply to in {target} from the last {Format(window)} has had its {_options.MaxPerMsgId} replies"
            : $"no message to reply to in the last {Format(window)} in {target}";
    }

    private bool HasOneInWindow(List<string> ids, ReplySourceKind kind, DateTimeOffset now)
    {
        foreach (var id in ids)
        {
            ref var source = ref Source(kind, id);
            if (!source.Rejected && IsInWindow(in source, now))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(ReplySource source)
    {
        if (!SourcesOf(source.Kind).TryAdd(source.Id, source))
        {
            return;
        }

        if (!_histories.TryGetValue(source.Target, out var history))
        {
            _histories[source.Target] = history = new History();
        }

        (source.Kind == ReplySourceKind.Message ? history.Messages : history.Events).Add(source.Id);
    }

    private void Trim(History history, DateTimeOffset now)
    {
        Trim(history.Messages, ReplySourceKind.Message, MessagesPerTarget, now);
        Trim(history.Events, ReplySourceKind.Event, EventsPerTarget, now);
    }

    /// <summary>Drops the oldest sources beyond <paramref name="keep"/> and those whose window has closed.</summary>
    private void Trim(List<string> ids, ReplySourceKind kind, int keep, DateTimeOffset now)
    {
        var drop = 0;
        while (drop < ids.Count && (ids.Count - drop > keep || !IsInWindow(in Source(kind, ids[drop]), now)))
        {
            SourcesOf(kind).Remove(ids[drop]);
            drop++;
        }

        ids.RemoveRange(0, drop);
    }

    private void Sweep(DateTimeOffset now)
    {
        _recordedSinceSweep = 0;
        foreach (var (target, history) in _histories.ToList())
        {
            Trim(history, now);
            if (history.Messages.Count == 0 && history.Events.Count == 0)
            {
                _histories.Remove(target);
            }
        }
    }

    private static string Describe(ReplySourceKind kind) => kind == ReplySourceKind.Message ? "message" : "event";

    private static string Format(TimeSpan window) => window switch
    {
        { TotalMinutes: 1 } => "minute",
        { Seconds: 0, Milliseconds: 0 } when window.TotalMinutes >= 1 => $"{window.TotalMinutes:0} minutes",
        _ => $"{window.TotalSeconds:0.#} seconds",
    };

    /// <summary>
    /// The ids of one conversation's sources, oldest first; their state is in <see cref="_messages"/> and <see cref="_events"/>, by value, so a
    /// received message costs the collector no object of its own while it waits to be replied to.
    /// </summary>
    private sealed class History
    {
        public List<string> Messages { get; } = [];

        public List<string> Events { get; } = [];
    }
}
