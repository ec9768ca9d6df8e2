namespace OneBotBridge.Simulator.OpenApi;

/// <summary>The platform's error codes the simulator answers with (reference §7).</summary>
internal static class ApiErrors
{
    // Authentication (11xxx).
    public static ApiError TokenMissing { get; } = new(401, 11241, "authorization header with a QQBot token is missing");
    public static ApiError TokenExpired { get; } = new(401, 11244, "token expired");
    public static ApiError LegacyBotToken { get; } = new(401, 11245, "the \"Bot appid.token\" form is no longer accepted; send \"QQBot {access_token}\"");
    public static ApiError AppIdMissing { get; } = new(401, 11261, "X-Union-Appid header is missing");
    public static ApiError AppIdWrong { get; } = new(401, 11251, "X-Union-Appid does not match the token's app");

    // Request shape.
    public static ApiError InvalidRequest(string why) => new(400, 12002, why);
    public static ApiError EmptyMessage(string why) => new(400, 50006, why);
    public static ApiError NoSuchEndpoint(string method, string path) => new(404, 12002, $"no such endpoint: {method} {path}");

    // Passive replies.
    public static ApiError MsgIdInvalid(string msgId) => new(400, 40034024, $"msg_id {msgId} is not a message this target received");
    public static ApiError MsgIdExpired(string id) => new(400, 304027, $"the reply window of {id} has passed");
    public static ApiError ReplyLimitReached(string msgId, int limit) => new(400, 22009, $"msg_id {msgId} has already been replied to {limit} times");
    public static ApiError DuplicateMsgSeq(string id, long seq) => new(400, 40054005, $"msg_seq {seq} was already used for {id}");
    public static ApiError EventIdInvalid(string eventId) => new(400, 40034025, $"event_id {eventId} is not an event this target received");
    public static ApiError EventCannotBeReplied(string eventId, string type) => new(400, 40034027, $"event {eventId} ({type}) cannot be replied to");
    public static ApiError ActiveSendRefused { get; } = new(400, 40034102, "active messages are not allowed: reply with the msg_id or event_id of a received message or event");

    // Recall (306xxx).
    public static ApiError RecallUnknownMessage(string id) => new(400, 306002, $"message {id} is unknown for this target");
    public static ApiError RecallWindowPassed(string id) => new(400, 306011, $"message {id} was sent more than 2 minutes ago and can no longer be recalled");

    // Interactions.
    public static ApiError InteractionUnknown(string id) => new(404, 630001, $"interaction {id} is unknown");
}
