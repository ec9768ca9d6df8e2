namespace OneBotBridge.Core.Outbound;

/// <summary>The platform's refusal codes a send recovers from.</summary>
internal static class QQErrorCodes
{
    /// <summary>The reply msg_id is invalid (or no longer usable).</summary>
    public const long InvalidMsgId = 40034024;

    /// <summary>The reply event_id is invalid or expired.</summary>
    public const long InvalidEventId = 40034025;

    /// <summary>The (msg_id, msg_seq) pair was used before.</summary>
    public const long DuplicateMsgSeq = 40054005;

    public const long BadReplyMsgId = 304026;

    public const long ExpiredReplyMsgId = 304027;
}
