namespace OneBotBridge.QQ.Gateway;

/// <summary>The <c>op</c> of a gateway frame.</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
    HttpCallbackAck = 12,
    CallbackValidation = 13,
}
