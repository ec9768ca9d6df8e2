using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// What one send carries to be a passive reply: either a <c>msg_id</c> or an <c>event_id</c>, and a
/// <c>msg_seq</c> never used before with that source.
/// </summary>
public sealed record ReplyContext(ReplySourceKind Kind, string SourceId, int Seq, ChatTarget Target)
{
    /// <summary>The <c>msg_id</c> field of the send, when replying to a message.</summary>
    public string? MsgId => Kind == ReplySourceKind.Message ? SourceId : null;

    /// <summary>The <c>event_id</c> field of the send, when replying to an event.</summary>
    public string? EventId => Kind == ReplySourceKind.Event ? SourceId : null;
}
