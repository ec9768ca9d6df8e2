using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.OpenApi.Interactions;

/// <summary>The interactions the simulator delivered: only those can be acknowledged.</summary>
internal sealed class InteractionRegistry
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);

    public void Observe(string type, JToken data)
    {
        if (type == "INTERACTION_CREATE" && data is JObject payload && SimulatorJson.StringOf(payload["id"]) is { Length: > 0 } id)
        {
            lock (_gate)
            {
                _delivered.Add(id);
            }
        }
    }

    public bool WasDelivered(string id)
    {
        lock (_gate)
        {
            return _delivered.Contains(id);
        }
    }
}
