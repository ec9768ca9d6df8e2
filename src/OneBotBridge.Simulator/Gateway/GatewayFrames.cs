using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>The frames the server sends, shaped as the platform shapes them.</summary>
internal static class GatewayFrames
{
    public static JObject Hello(TimeSpan heartbeatInterval) => new()
    {
        ["op"] = GatewayOpCode.Hello,
        ["d"] = new JObject { ["heartbeat_interval"] = (long)heartbeatInterval.TotalMilliseconds },
    };

    public static JObject HeartbeatAck() => new() { ["op"] = GatewayOpCode.HeartbeatAck };

    public static JObject Reconnect() => new() { ["op"] = GatewayOpCode.Reconnect };

    public static JObject InvalidSession() => new() { ["op"] = GatewayOpCode.InvalidSession, ["d"] = false };

    /// <summary>An op 0 envelope; <paramref name="eventId"/> is left out when null (READY, RESUMED).</summary>
    public static JObject Dispatch(long? seq, string type, string? eventId, JToken data)
    {
        var frame = new JObject
        {
            ["op"] = GatewayOpCode.Dispatch,
            ["s"] = seq,
            ["t"] = type,
        };
        if (eventId is not null)
        {
            frame["id"] = eventId;
        }

        frame["d"] = data;
        return frame;
    }
}
