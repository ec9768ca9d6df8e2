namespace OneBotBridge.Simulator.Gateway;

/// <summary>Gateway opcodes of reference §3.</summary>
internal static class GatewayOpCode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}
