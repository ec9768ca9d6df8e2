namespace OneBotBridge.Core.Messages;

/// <summary>
/// A message's <c>message_id</c>; whether it was numbered just now (not seen before); and the write that makes it
/// durable (already complete for a message stored before).
/// </summary>
public readonly record struct AssignedMessageId(int MessageId, Task Stored, bool IsNew);
