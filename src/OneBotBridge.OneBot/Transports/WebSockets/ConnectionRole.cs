namespace OneBotBridge.OneBot.Transports.WebSockets;

/// <summary>What a OneBot WebSocket carries: API calls, events, or both (Universal).</summary>
[Flags]
internal enum ConnectionRole
{
    Api = 1,
    Event = 2,
    Universal = Api | Event,
}
