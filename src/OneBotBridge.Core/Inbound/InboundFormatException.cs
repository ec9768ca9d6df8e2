namespace OneBotBridge.Core.Inbound;

/// <summary>A dispatch lacks what its type requires; it is logged and skipped.</summary>
public sealed class InboundFormatException(string message) : Exception(message);
