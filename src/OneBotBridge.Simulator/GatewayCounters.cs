namespace OneBotBridge.Simulator;

/// <summary>What happened on the simulated gateway so far; every read is thread-safe.</summary>
public sealed class GatewayCounters
{
    private int _connections;
    private int _identifies;
    private int _resumes;
    private int _heartbeatsAcked;
    private int _readies;

    /// <summary>WebSocket connections accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Identify frames received, accepted or not.</summary>
    public int Identifies => Volatile.Read(ref _identifies);

    /// <summary>Resume frames received, accepted or not.</summary>
    public int Resumes => Volatile.Read(ref _resumes);

    /// <summary>Heartbeat ACKs (op 11) sent.</summary>
    public int HeartbeatsAcked => Volatile.Read(ref _heartbeatsAcked);

    /// <summary>READY dispatches sent.</summary>
    public int Readies => Volatile.Read(ref _readies);

    internal void ConnectionAccepted() => Interlocked.Increment(ref _connections);

    internal void IdentifyReceived() => Interlocked.Increment(ref _identifies);

    internal void ResumeReceived() => Interlocked.Increment(ref _resumes);

    internal void HeartbeatAcked() => Interlocked.Increment(ref _heartbeatsAcked);

    internal void ReadySent() => Interlocked.Increment(ref _readies);

    public override string ToString() =>
        $"connections={Connections} identifies={Identifies} resumes={Resumes} acks={HeartbeatsAcked} readies={Readies}";
}
