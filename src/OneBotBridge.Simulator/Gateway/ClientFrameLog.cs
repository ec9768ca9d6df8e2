using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>Every frame clients sent on the gateway, in arrival order.</summary>
internal sealed class ClientFrameLog
{
    private readonly Lock _gate = new();
    private readonly List<JObject> _frames = [];

    public event Action<JObject>? FrameReceived;

    public void Add(JObject frame)
    {
        lock (_gate)
        {
            _frames.Add(frame);
        }

        FrameReceived?.Invoke((JObject)frame.DeepClone());
    }

    public IReadOnlyList<JObject> Snapshot()
    {
        lock (_gate)
        {
            return _frames.Select(frame => (JObject)frame.DeepClone()).ToArray();
        }
    }
}
