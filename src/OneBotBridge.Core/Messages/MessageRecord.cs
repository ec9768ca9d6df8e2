using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Messages;

/// <summary>A remembered message, found by its OneBot <see cref="MessageId"/> or its platform id.</summary>
public sealed record MessageRecord(
    int MessageId,
    string PlatformMessageId,
    ChatTarget Target,
    long SenderNumber,
    MessageDirection Direction,
    DateTimeOffset Time,
    string Content)
{
    public static MessageRecord From(int messageId, MessageDraft draft) => new(
        messageId, draft.PlatformMessageId, draft.Target, draft.SenderNumber, draft.Direction, draft.Time, draft.Content);
}
