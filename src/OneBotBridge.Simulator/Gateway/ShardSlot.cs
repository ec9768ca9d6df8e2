namespace OneBotBridge.Simulator.Gateway;

/// <summary>One shard: its current session, and what waits for a session to exist.</summary>
internal sealed class ShardSlot(int index)
{
    private const int PendingLimit = 10_000;
    private readonly Queue<PendingDispatch> _pending = new();

    /// <summary>Held while the shard's session is read or replaced, so dispatches keep their order around READY.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public GatewaySession? Session { get; set; }

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public void Enqueue(PendingDispatch dispatch)
    {
        if (_pending.Count >= PendingLimit)
        {
            throw new InvalidOperationException($"Shard {index} already holds {PendingLimit} dispatches waiting for a client to identify.");
        }

        _pending.Enqueue(dispatch);
    }

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public IReadOnlyList<PendingDispatch> DrainPending()
    {
        var drained = _pending.ToArray();
        _pending.Clear();
        return drained;
    }
}
