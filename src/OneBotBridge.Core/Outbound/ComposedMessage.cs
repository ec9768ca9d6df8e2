namespace OneBotBridge.Core.Outbound;

/// <summary>A OneBot message cut into the QQ messages that carry it, in order, and the message it replies to, if any.</summary>
internal sealed record ComposedMessage(IReadOnlyList<OutgoingPart> Parts, int? ReplyToMessageId);
