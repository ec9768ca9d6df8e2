using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Messages;

/// <summary>A remembered message without its content: what replying to it, recalling it or naming it takes.</summary>
public record MessageSummary(
    int MessageId,
    string PlatformMessageId,
    ChatTarget Target,
    long SenderNumber,
    MessageDirection Direction,
    DateTimeOffset Time);
