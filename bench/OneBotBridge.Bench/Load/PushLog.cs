using System.Diagnostics;

namespace OneBotBridge.Bench.Load;

/// <summary>
/// When each event of a run was pushed (a <see cref="Stopwatch"/> timestamp per sequence number), and from
/// which sequence number latencies count. Written by the one pusher, read by every client.
/// </summary>
internal sealed class PushLog(int capacity)
{
    private readonly long[] _pushedAt = new long[capacity];
    private int _count;
    private int _measuredFrom = int.MaxValue;

    public int Capacity => capacity;

    /// <summary>Events pushed so far; their sequence numbers are 0 to Count − 1.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The first sequence number whose latency is recorded (events before it warm up).</summary>
    public int MeasuredFrom
    {
        get => Volatile.Read(ref _measuredFrom);
        set => Volatile.Write(ref _measuredFrom, value);
    }

    /// <summary>Stamps the next event as pushed now and returns its sequence number.</summary>
    public int StampNext()
    {
        var seq = _count;
        Volatile.Write(ref _pushedAt[seq], Stopwatch.GetTimestamp());
        Volatile.Write(ref _count, seq + 1);
        return seq;
    }

    public long PushedAt(int seq) => Volatile.Read(ref _pushedAt[seq]);
}
