using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>
/// Remembers every msg_id and event_id the simulator delivered and decides, by <see cref="ReplyRules"/>,
/// whether a send may use them: the one place where passive replies are allowed or refused.
/// </summary>
internal sealed class ReplyLedger(TimeProvider time)
{
    /// <summary>Long past every window, so an old id is still told "expired" rather than "unknown".</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly SourceIndex _messages = new();
    private readonly SourceIndex _events = new();

    /// <summary>Registers what a dispatch makes repliable: its message id, and its event id.</summary>
    public void Register(string type, string eventId, JToken data)
    {
        var payload = data as JObject ?? [];
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _events.ForgetOlderThan(now - Retention);
            _messages.ForgetOlderThan(now - Retention);
            _events.Add(new ReplySource(eventId, type, ReplyRules.EventReplyTarget(type, payload), now));
            if (ReplyRules.MessageReplyTarget(type, payload) is { } target && SimulatorJson.StringOf(payload["id"]) is { Length: > 0 } msgId)
            {
                _messages.Add(new ReplySource(msgId, type, target, now));
            }
        }
    }

    /// <summary>True when <paramref name="messageId"/> is a message the simulator delivered at that target.</summary>
    public bool IsReceivedMessage(MessageScene scene, string targetId, string messageId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(messageId, out var source) && source.Target!.Allows(scene, targetId);
        }
    }

    /// <summary>Checks a send against the reply rules and, when allowed, counts it; the refusal otherwise.</summary>
    public ApiError? TryReply(ReplyRequest request)
    {
        lock (_gate)
        {
            if (!string.IsNullOrEmpty(request.MsgId))
            {
                return TryReplyToMessage(request, request.MsgId);
            }

            if (!string.IsNullOrEmpty(request.EventId))
            {
                return TryReplyToEvent(request, request.EventId);
            }

            return ReplyRules.RequiresReplyReference(request.Scene) ? ApiErrors.ActiveSendRefused : null;
        }
    }

    private ApiError? TryReplyToMessage(ReplyRequest request, string msgId)
    {
        if (!_messages.TryGetValue(msgId, out var source) || !source.Target!.Allows(request.Scene, request.TargetId))
        {
            return ApiErrors.MsgIdInvalid(msgId);
        }

        if (time.GetUtcNow() - source.ReceivedAt > ReplyRules.MsgIdWindow(request.Scene))
        {
            return ApiErrors.MsgIdExpired(msgId);
        }

        return Consume(source, request, ReplyRules.RepliesPerMsgId(request.Scene));
    }

    private ApiError? TryReplyToEvent(ReplyRequest request, string eventId)
    {
        if (!_events.TryGetValue(eventId, out var source))
        {
            return ApiErrors.EventIdInvalid(eventId);
        }

        if (source.Target is null)
        {
            return ApiErrors.EventCannotBeReplied(eventId, source.EventType);
        }

        if (!source.Target.Allows(request.Scene, request.TargetId))
        {
            return ApiErrors.EventIdInvalid(eventId);
        }

        if (time.GetUtcNow() - source.ReceivedAt > ReplyRules.EventIdWindow)
        {
            return ApiErrors.MsgIdExpired(eventId);
        }

        return Consume(source, request, replyLimit: null);
    }

    private static ApiError? Consume(ReplySource source, ReplyRequest request, int? replyLimit)
    {
        var usesSeq = ReplyRules.UsesMsgSeq(request.Scene);
        if (usesSeq && source.HasUsed(request.MsgSeq))
        {
            return ApiErrors.DuplicateMsgSeq(source.Id, request.MsgSeq);
        }

        if (replyLimit is { } limit && source.Replies >= limit)
        {
            return ApiErrors.ReplyLimitReached(source.Id, limit);
        }

        source.RecordReply(usesSeq ? request.MsgSeq : source.Replies);
        return null;
    }

    /// <summary>Sources by id, forgotten oldest first.</summary>
    private sealed class SourceIndex
    {
        private readonly Dictionary<string, ReplySource> _byId = new(StringComparer.Ordinal);
        private readonly Queue<ReplySource> _byAge = new();

        public void Add(ReplySource source)
        {
            _byId[source.Id] = source;
            _byAge.Enqueue(source);
        }

        public bool TryGetValue(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReplySource? source) =>
            _byId.TryGetValue(id, out source);

        public void ForgetOlderThan(DateTimeOffset cutoff)
        {
            while (_byAge.TryPeek(out var oldest) && oldest.ReceivedAt < cutoff)
            {
                _byAge.Dequeue();
                if (_byId.TryGetValue(oldest.Id, out var current) && ReferenceEquals(current, oldest))
                {
                    _byId.Remove(oldest.Id);
                }
            }
        }
    }
}
