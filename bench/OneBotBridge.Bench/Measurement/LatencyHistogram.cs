using System.Diagnostics;

namespace OneBotBridge.Bench.Measurement;

/// <summary>
/// Latencies in microseconds, HDR-style: exact below 256 µs, then 128 buckets per power of two (under 1 %
/// error), so recording is an index and an increment and millions of samples cost a few kilobytes.
/// One writer at a time; merge the writers' histograms to read them.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int LinearLimit = 2 * SubBuckets;
    private const int MaxExponent = 40;

    private readonly long[] _counts = new long[LinearLimit + ((MaxExponent - SubBucketBits) * SubBuckets)];

    public long Count { get; private set; }

    public long MaxMicroseconds { get; private set; }

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp) => Record((long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    public void Record(long microseconds)
    {
        var value = Math.Max(0, microseconds);
        _counts[IndexOf(value)]++;
        Count++;
        MaxMicroseconds = Math.Max(MaxMicroseconds, value);
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <summary>The latency at <paramref name="percentile"/> (0–100) in milliseconds: the middle of its bucket.</summary>
    public double PercentileMilliseconds(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percentile / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(rank, 1))
            {
                return Math.Min(MidpointOf(i), MaxMicroseconds) / 1000.0;
            }
        }

        return MaxMicroseconds / 1000.0;
    }

    public LatencySummary Summarize() => new(
        Count, PercentileMilliseconds(50), PercentileMilliseconds(99), PercentileMilliseconds(99.9), MaxMicroseconds / 1000.0);

    private static int IndexOf(long value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        var exponent = Math.Min(63 - (int)long.LeadingZeroCount(value), MaxExponent - 1);
        var subBucket = (int)(value >> (exponent - SubBucketBits)) - SubBuckets;
        return LinearLimit + ((exponent - SubBucketBits - 1) * SubBuckets) + Math.Min(subBucket, SubBuckets - 1);
    }

    private static double MidpointOf(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var exponent = ((index - LinearLimit) / SubBuckets) + SubBucketBits + 1;
        var subBucket = (index - LinearLimit) % SubBuckets;
        var width = 1L << (exponent - SubBucketBits);
        var lower = (SubBuckets + subBucket) * width;
        return lower + (width / 2.0);
    }
}
