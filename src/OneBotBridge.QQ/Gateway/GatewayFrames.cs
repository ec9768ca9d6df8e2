using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.Gateway;

/// <summary>The frames the bridge sends on the gateway.</summary>
internal static class GatewayFrames
{
    public static JObject Heartbeat(long? lastSeq) => Frame(GatewayOpcode.Heartbeat, lastSeq is { } seq ? new JValue(seq) : JValue.CreateNull());

    public static JObject Identify(string token, long intents, int shardId, int shardCount) => Frame(GatewayOpcode.Identify, new JObject
    {
        ["token"] = Authorization(token),
        ["intents"] = intents,
        ["shard"] = new JArray(shardId, shardCount),
        ["properties"] = new JObject(),
    });

    public static JObject Resume(string token, string sessionId, long seq) => Frame(GatewayOpcode.Resume, new JObject
    {
        ["token"] = Authorization(token),
        ["session_id"] = sessionId,
        ["seq"] = seq,
    });

    private static string Authorization(string token) => "QQBot " + token;

    private static JObject Frame(GatewayOpcode op, JToken data) => new() { ["op"] = (int)op, ["d"] = data };
}
