using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Messages;

/// <summary>A message about to be numbered: everything <c>get_msg</c> will need, without its <c>message_id</c>.</summary>
/// <param name="PlatformMessageId">The platform's id (<c>ROBOT1.0_...</c> or a guild message id).</param>
/// <param name="Target">The conversation it belongs to.</param>
/// <param name="SenderNumber">The sender's user number (the bot's own number for sent messages).</param>
/// <param name="Content">The message as stored for <c>get_msg</c>, e.g. segments JSON; opaque here.</param>
public sealed record MessageDraft(
    string PlatformMessageId,
    ChatTarget Target,
    long SenderNumber,
    MessageDirection Direction,
    DateTimeOffset Time,
    string Content);
