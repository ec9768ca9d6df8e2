using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>A dispatch pushed before anyone identified on its shard; sent right after the next READY.</summary>
internal sealed record PendingDispatch(string Type, string EventId, JToken Data);
