using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// Remembers the received messages and events each conversation can be replied to, and picks the reply
/// context of a send: the message replied to if still usable, else the newest usable message from the
/// preferred user, else the newest usable message in the conversation, else the newest usable event.
/// "Usable" means inside the scene's window and under its reply limit. Every <c>msg_seq</c> handed out is
/// stored before it is returned and never handed out again, across restarts too. A received message is not
/// stored here: its row in the message store is what a restart finds it by (see
/// <see cref="IBridgeStore.LoadReplySourcesAsync"/>), until its first reply stores its seq.
/// </summary>
public sealed class ReplyContextBook
{
    /// <summary>Messages remembered per conversation: a busy group replies to recent ones anyway.</summary>
    private const int MessagesPerTarget = 128;

    private const int EventsPerTarget = 16;

    /// <summary>Every so many recordings, conversations gone quiet are forgotten.</summary>
    private const int SweepEvery = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<(ReplySourceKind, string), ReplySource> _sources = [];
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
    /// it; completes once that is stored. <paramref name="replyToPlatformMessageId"/> is the message of a
    /// <c>reply</c> segment, <paramref name="preferredSenderNumber"/> the user the send answers.
    /// </summary>
    public async ValueTask<ReplySelection> SelectAsync(
        ChatTarget target, long? preferredSenderNumber, string? replyToPlatformMessageId, CancellationToken cancellationToken)
    {
        ReplyContext context;
        Task stored;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var source = Pick(target, preferredSenderNumber, replyToPlatformMessageId, now);
            if (source is null)
            {
                return ReplySelection.None(ExplainNone(target, now));
            }

            source.Uses++;
            (context, stored) = TakeSeq(source);
        }

        await stored.WaitAsync(cancellationToken).ConfigureAwait(false);
        return ReplySelection.Of(context);
    }

    /// <summary>
    /// A fresh <c>msg_seq</c> for the same source after the platform refused <paramref name="rejected"/>'s
    /// (40054005, duplicate msg_seq); it does not count as another reply.
    /// </summary>
    public async ValueTask<ReplySelection> RenewSeqAsync(ReplyContext rejected, CancellationToken cancellationToken)
    {
        ReplyContext context;
        Task stored;
        lock (_gate)
        {
            if (!_sources.TryGetValue((rejected.Kind, rejected.SourceId), out var source))
            {
                return ReplySelection.None($"the {Describe(rejected.Kind)} replied to in {rejected.Target} is no longer remembered");
            }

            (context, stored) = TakeSeq(source);
        }

        await stored.WaitAsync(cancellationToken).ConfigureAwait(false);
        return ReplySelection.Of(context);
    }

    /// <summary>
    /// Stops picking the source of <paramref name="context"/> after the platform called it expired or invalid
    /// (e.g. 40034024, 40034025, 304027).
    /// </summary>
    public void MarkRejected(ReplyContext context)
    {
        lock (_gate)
        {
            if (_sources.TryGetValue((context.Kind, context.SourceId), out var source))
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
            if (_sources.ContainsKey((kind, id)))
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

    private ReplySource? Pick(ChatTarget target, long? preferredSenderNumber, string? replyToPlatformMessageId, DateTimeOffset now)
    {
        if (replyToPlatformMessageId is not null
            && _sources.TryGetValue((ReplySourceKind.Message, replyToPlatformMessageId), out var repliedTo)
            && repliedTo.Target == target
            && IsUsable(repliedTo, now))
        {
            return repliedTo;
        }

        if (!_histories.TryGetValue(target, out var history))
        {
            return null;
        }

        return (preferredSenderNumber is { } sender ? Newest(history.Messages, now, s => s.SenderNumber == sender) : null)
            ?? Newest(history.Messages, now, static _ => true)
            ?? Newest(history.Events, now, static _ => true);
    }

    private ReplySource? Newest(List<ReplySource> sources, DateTimeOffset now, Func<ReplySource, bool> wanted)
    {
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (wanted(sources[i]) && IsUsable(sources[i], now))
            {
                return sources[i];
            }
        }

        return null;
    }

    private bool IsUsable(ReplySource source, DateTimeOffset now) =>
        !source.Rejected
        && IsInWindow(source, now)
        && (_options.ReplyLimit(source.Target.Scene) is not { } limit || source.Uses < limit);

    private bool IsInWindow(ReplySource source, DateTimeOffset now) =>
        now - source.ReceivedAt <= Window(source) - _options.Margin;

    private TimeSpan Window(ReplySource source) => source.Kind == ReplySourceKind.Message
        ? _options.MessageWindow(source.Target.Scene)
        : _options.EventWindow;

    private (ReplyContext Context, Task Stored) TakeSeq(ReplySource source)
    {
        source.SeqHighWater++;
        var context = new ReplyContext(source.Kind, source.Id, source.SeqHighWater, source.Target);
        return (context, _store.SaveReplySourceAsync(source.ToRecord(), CancellationToken.None));
    }

    private string ExplainNone(ChatTarget target, DateTimeOffset now)
    {
        var window = _options.MessageWindow(target.Scene);
        var exhausted = _histories.TryGetValue(target, out var history)
            && history.Messages.Concat(history.Events).Any(s => !s.Rejected && IsInWindow(s, now));
        return exhausted
            ? $"every message to reply to in {target} from the last {Format(window)} has had its {_options.MaxPerMsgId} replies"
            : $"no message to reply to in the last {Format(window)} in {target}";
    }

    private void Add(ReplySource source)
    {
        _sources[(source.Kind, source.Id)] = source;
        if (!_histories.TryGetValue(source.Target, out var history))
        {
            _histories[source.Target] = history = new History();
        }

        (source.Kind == ReplySourceKind.Message ? history.Messages : history.Events).Add(source);
    }

    private void Trim(History history, DateTimeOffset now)
    {
        Trim(history.Messages, MessagesPerTarget, now);
        Trim(history.Events, EventsPerTarget, now);
    }

    /// <summary>Drops the oldest sources beyond <paramref name="keep"/> and those whose window has closed.</summary>
    private void Trim(List<ReplySource> sources, int keep, DateTimeOffset now)
    {
        var drop = 0;
        while (drop < sources.Count && (sources.Count - drop > keep || !IsInWindow(sources[drop], now)))
        {
            _sources.Remove((sources[drop].Kind, sources[drop].Id));
            drop++;
        }

        sources.RemoveRange(0, drop);
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

    /// <summary>The sources of one conversation, oldest first.</summary>
    private sealed class History
    {
        public List<ReplySource> Messages { get; } = [];

        public List<ReplySource> Events { get; } = [];
    }
}
