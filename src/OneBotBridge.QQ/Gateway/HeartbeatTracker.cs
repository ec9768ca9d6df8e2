namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// Whether the last heartbeat was acknowledged, and how long the ACK took. A heartbeat still
/// unacknowledged when the next one is due means the link is dead.
/// </summary>
internal sealed class HeartbeatTracker(TimeProvider time)
{
    private const long NonePending = -1;
    private long _sentAt = NonePending;

    public bool IsAwaitingAck => Interlocked.Read(ref _sentAt) != NonePending;

    public void Sent() => Interlocked.Exchange(ref _sentAt, time.GetTimestamp());

    /// <summary>The round trip of the acknowledged heartbeat; <c>null</c> for an ACK nobody asked for.</summary>
    public TimeSpan? Acked() =>
        Interlocked.Exchange(ref _sentAt, NonePending) is var sentAt && sentAt != NonePending ? time.GetElapsedTime(sentAt) : null;
}
