namespace OneBotBridge.Simulator.Webhook;

/// <summary>One callback request as sent: the body, and the signature headers (null when left out).</summary>
internal sealed record SignedCallback(byte[] Body, string? Timestamp, string? Signature);
