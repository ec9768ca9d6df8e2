using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// One event from the platform, as it came in: <paramref name="Data"/> stays raw JSON until the
/// code that knows <paramref name="Type"/> reads it. <paramref name="EventId"/> is the envelope
/// <c>id</c> (usable as <c>event_id</c> for passive replies); <paramref name="Seq"/> is the gateway
/// <c>s</c>, or <c>null</c> for webhook deliveries, which carry none.
/// </summary>
public sealed record GatewayDispatch(string Type, long? Seq, string? EventId, JToken Data, int ShardId = 0);
