namespace OneBotBridge.Simulator.Webhook;

/// <summary>The last signed request sent for each of the most recent event ids, for replays.</summary>
internal sealed class RecentCallbacks(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SignedCallback> _byEventId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Remember(string eventId, SignedCallback callback)
    {
        lock (_gate)
        {
            if (_byEventId.TryAdd(eventId, callback))
            {
                _order.Enqueue(eventId);
                while (_order.Count > capacity)
                {
                    _byEventId.Remove(_order.Dequeue());
                }
            }
            else
            {
                _byEventId[eventId] = callback;
            }
        }
    }

    public SignedCallback? Find(string eventId)
    {
        lock (_gate)
        {
            return _byEventId.GetValueOrDefault(eventId);
        }
    }
}
