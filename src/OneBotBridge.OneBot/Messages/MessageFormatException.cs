namespace OneBotBridge.OneBot.Messages;

/// <summary>A message or segment that cannot be read; the message says which segment and what is wrong.</summary>
public sealed class MessageFormatException(string message) : FormatException(message);
