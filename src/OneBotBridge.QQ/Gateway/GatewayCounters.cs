namespace OneBotBridge.QQ.Gateway;

/// <summary>What the gateway client has done so far, for metrics. Thread-safe.</summary>
public sealed class GatewayCounters
{
    private long _eventsReceived;
    private long _duplicatesSkipped;
    private long _identifies;
    private long _resumes;
    private long _reconnects;
    private long _lastHeartbeatRoundTripTicks = -1;

    /// <summary>Dispatch frames received (READY and RESUMED included, replayed duplicates included).</summary>
    public long EventsReceived => Interlocked.Read(ref _eventsReceived);

    /// <summary>Dispatches replayed after a Resume that had already been delivered, so were not delivered again.</summary>
    public long DuplicatesSkipped => Interlocked.Read(ref _duplicatesSkipped);

    public long Identifies => Interlocked.Read(ref _identifies);
    public long Resumes => Interlocked.Read(ref _resumes);

    /// <summary>Connection attempts after the first, over all shards.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Time from the last acknowledged heartbeat to its ACK; <c>null</c> before the first ACK.</summary>
    public TimeSpan? LastHeartbeatRoundTrip =>
        Interlocked.Read(ref _lastHeartbeatRoundTripTicks) is var ticks && ticks >= 0 ? TimeSpan.FromTicks(ticks) : null;

    internal void EventReceived() => Interlocked.Increment(ref _eventsReceived);
    internal void DuplicateSkipped() => Interlocked.Increment(ref _duplicatesSkipped);
    internal void Identified() => Interlocked.Increment(ref _identifies);
    internal void Resumed() => Interlocked.Increment(ref _resumes);
    internal void Reconnected() => Interlocked.Increment(ref _reconnects);
    internal void HeartbeatAcked(TimeSpan roundTrip) => Interlocked.Exchange(ref _lastHeartbeatRoundTripTicks, roundTrip.Ticks);
}
