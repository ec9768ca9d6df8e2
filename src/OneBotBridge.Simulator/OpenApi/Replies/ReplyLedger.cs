using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
            _events.Add(eventId, type, ReplyRules.EventReplyTarget(type, payload), now);
            if (ReplyRules.MessageReplyTarget(type, payload) is { } target && SimulatorJson.StringOf(payload["id"]) is { Length: > 0 } msgId)
            {
                _messages.Add(msgId, type, target, now);
            }
        }
    }

    /// <summary>True when <paramref name="messageId"/> is a message the simulator delivered at that target.</summary>
    public bool IsReceivedMessage(MessageScene scene, string targetId, string messageId)
    {
        lock (_gate)
        {
            ref var source = ref _messages.Find(messageId);
            return !Unsafe.IsNullRef(ref source) && source.Target?.Allows(scene, targetId) == true;
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
        ref var source = ref _messages.Find(msgId);
        if (Unsafe.IsNullRef(ref source) || source.Target?.Allows(request.Scene, request.TargetId) != true)
        {
            return ApiErrors.MsgIdInvalid(msgId);
        }

        if (time.GetUtcNow() - source.ReceivedAt > ReplyRules.MsgIdWindow(request.Scene))
        {
            return ApiErrors.MsgIdExpired(msgId);
        }

        return Consume(ref source, msgId, request, ReplyRules.RepliesPerMsgId(request.Scene));
    }

    private ApiError? TryReplyToEvent(ReplyRequest request, string eventId)
    {
        ref var source = ref _events.Find(eventId);
        if (Unsafe.IsNullRef(ref source))
        {
            return ApiErrors.EventIdInvalid(eventId);
        }

        if (source.Target is not { } target)
        {
            return ApiErrors.EventCannotBeReplied(eventId, source.EventType);
        }

        if (!target.Allows(request.Scene, request.TargetId))
        {
            return ApiErrors.EventIdInvalid(eventId);
        }

        if (time.GetUtcNow() - source.ReceivedAt > ReplyRules.EventIdWindow)
        {
            return ApiErrors.MsgIdExpired(eventId);
        }

        return Consume(ref source, eventId, request, replyLimit: null);
    }

    private static ApiError? Consume(ref ReplySource source, string id, ReplyRequest request, int? replyLimit)
    {
        var usesSeq = ReplyRules.UsesMsgSeq(request.Scene);
        if (usesSeq && source.HasUsed(request.MsgSeq))
        {
            return ApiErrors.DuplicateMsgSeq(id, request.MsgSeq);
        }

        if (replyLimit is { } limit && source.Replies >= limit)
        {
            return ApiErrors.ReplyLimitReached(id, limit);
        }

        source.RecordReply(usesSeq ? request.MsgSeq : source.Replies);
        return null;
    }

    /// <summary>Sources by id, forgotten oldest first.</summary>
    private sealed class SourceIndex
    {
        private readonly Dictionary<UInt128, ReplySource> _byKey = [];
        private readonly Queue<(UInt128 Key, long Registration, DateTimeOffset ReceivedAt)> _byAge = new();
        private long _registrations;

        public void Add(string id, string eventType, ReplyTarget? target, DateTimeOffset receivedAt)
        {
            var key = LedgerKey.Of(id);
            var registration = ++_registrations;
            _byKey[key] = new ReplySource(eventType, target, receivedAt, registration);
            _byAge.Enqueue((key, registration, receivedAt));
        }

        /// <summary>The source of <paramref name="id"/>, to read or count a reply on; a null reference when unknown.</summary>
        public ref ReplySource Find(string id) => ref CollectionsMarshal.GetValueRefOrNullRef(_byKey, LedgerKey.Of(id));

        public void ForgetOlderThan(DateTimeOffset cutoff)
        {
            while (_byAge.TryPeek(out var oldest) && oldest.ReceivedAt < cutoff)
            {
                _byAge.Dequeue();
                if (_byKey.TryGetValue(oldest.Key, out var current) && current.Registration == oldest.Registration)
                {
                    _byKey.Remove(oldest.Key);
                }
            }
        }
    }
}
