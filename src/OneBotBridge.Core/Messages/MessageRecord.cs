using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Messages;

/// <summary>A remembered message, found by its OneBot <see cref="MessageSummary.MessageId"/> or its platform id.</summary>
public sealed record MessageRecord(
    int MessageId,
    string PlatformMessageId,
    ChatTarget Target,
    long SenderNumber,
    MessageDirection Direction,
    DateTimeOffset Time,
    string Content)
    : MessageSummary(MessageId, PlatformMessageId, Target, SenderNumber, Direction, Time)
{
    public static MessageRecord From(int messageId, MessageDraft draft) => new(
        messageId, draft.PlatformMessageId, draft.Target, draft.SenderNumber, draft.Direction, draft.Time, draft.Content);

    /// <summary>This message without its content, for a cache that should not keep the content alive.</summary>
    public MessageSummary Summarize() => new(MessageId, PlatformMessageId, Target, SenderNumber, Direction, Time);
}
