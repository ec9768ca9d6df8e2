namespace OneBotBridge.Simulator.Gateway;

/// <summary>Why the gateway closes a connection: the close code and its reason text.</summary>
internal sealed record GatewayRejection(int CloseCode, string Reason);
