namespace OneBotBridge.QQ.Webhook;

/// <summary>
/// The event ids handed on most recently (up to a capacity, oldest forgotten first), plus those
/// being handed on right now, so a redelivery of either is recognised.
/// </summary>
internal sealed class RecentEventIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="eventId"/> for handing on, unless it was or is being handed on.</summary>
    public EventIdClaim Claim(string eventId)
    {
        lock (_gate)
        {
            if (_delivered.Contains(eventId))
            {
                return EventIdClaim.AlreadyDelivered;
            }

            return _inFlight.Add(eventId) ? EventIdClaim.Claimed : EventIdClaim.InFlight;
        }
    }

    /// <summary>The claimed event was handed on: remember it.</summary>
    public void Delivered(string eventId)
    {
        lock (_gate)
        {
            _inFlight.Remove(eventId);
            if (!_delivered.Add(eventId))
            {
                return;
            }

            _order.Enqueue(eventId);
            while (_order.Count > capacity)
            {
                _delivered.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>The claimed event could not be handed on: its redelivery must be taken.</summary>
    public void Release(string eventId)
    {
        lock (_gate)
        {
            _inFlight.Remove(eventId);
        }
    }
}

internal enum EventIdClaim
{
    Claimed,
    AlreadyDelivered,
    InFlight,
}
