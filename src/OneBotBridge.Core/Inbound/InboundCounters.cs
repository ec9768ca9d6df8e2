namespace OneBotBridge.Core.Inbound;

/// <summary>What the event pump has done since start, for metrics.</summary>
public sealed class InboundCounters
{
    private long _published;
    private long _duplicates;
    private long _failed;

    public long Published => Interlocked.Read(ref _published);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Failed => Interlocked.Read(ref _failed);

    internal void CountPublished() => Interlocked.Increment(ref _published);

    internal void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void CountFailed() => Interlocked.Increment(ref _failed);
}
