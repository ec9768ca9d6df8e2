using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>
/// A gateway session: its id, its sequence numbers and the dispatches a Resume can replay.
/// It outlives the sockets that carry it; at most one connection is attached at a time.
/// </summary>
internal sealed class GatewaySession(string id, int shardIndex, int shardCount, int historyLimit)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Encoded, as sent: a Resume replays the same bytes, and byte arrays cost the collector far less than
    // JSON trees that live just long enough to be promoted.
    private readonly Queue<SentDispatch> _history = new();
    private long _lastSeq;
    private long _replayableAfter;
    private GatewayConnection? _connection;
    private volatile bool _forgotten;

    public string Id => id;

    public int ShardIndex => shardIndex;

    public int ShardCount => shardCount;

    /// <summary>Attaches the first connection and sends READY followed by what waited for it.</summary>
    public async Task StartAsync(GatewayConnection connection, JObject readyData, IReadOnlyList<PendingDispatch> pending, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _connection = connection;
            await connection.SendAsync(GatewayFrames.Dispatch(++_lastSeq, "READY", null, readyData), cancellationToken);
            foreach (var dispatch in pending)
            {
                await DispatchLockedAsync(dispatch.Type, dispatch.EventId, dispatch.Data, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends the next dispatch and keeps it for replay; null when the session was forgotten meanwhile.</summary>
    public async Task<JObject?> DispatchAsync(string type, string eventId, JToken data, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _forgotten ? null : await DispatchLockedAsync(type, eventId, data, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Moves the session to <paramref name="connection"/>, replays every dispatch after <paramref name="seq"/> and
    /// sends RESUMED. False, with nothing sent, when the session was forgotten or never had that seq.
    /// </summary>
    public async Task<bool> ResumeAsync(GatewayConnection connection, long seq, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_forgotten || seq < _replayableAfter || seq > _lastSeq)
            {
                return false;
            }

            _connection = connection;
            foreach (var sent in _history.Where(sent => sent.Seq > seq))
            {
                await connection.SendAsync(sent.Bytes, cancellationToken);
            }

            await connection.SendAsync(GatewayFrames.Dispatch(++_lastSeq, "RESUMED", null, ""), cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The connection is gone; the session stays resumable.</summary>
    public void Detach(GatewayConnection connection) => Interlocked.CompareExchange(ref _connection, null, connection);

    /// <summary>The session can no longer be resumed nor receive dispatches.</summary>
    public void Forget()
    {
        _forgotten = true;
        Volatile.Write(ref _connection, null);
    }

    private async Task<JObject> DispatchLockedAsync(string type, string eventId, JToken data, CancellationToken cancellationToken)
    {
        var frame = GatewayFrames.Dispatch(++_lastSeq, type, eventId, data);
        var sent = new SentDispatch(_lastSeq, GatewayConnection.Encode(frame));
        _history.Enqueue(sent);
        if (_history.Count > historyLimit)
        {
            _replayableAfter = _history.Dequeue().Seq;
        }

        if (Volatile.Read(ref _connection) is { } connection)
        {
            // A failed send is not lost: the frame stays in the history for the client's Resume.
            await connection.SendAsync(sent.Bytes, cancellationToken);
        }

        // The history keeps bytes, so nothing else holds the envelope: it is the caller's.
        return frame;
    }

    private readonly record struct SentDispatch(long Seq, byte[] Bytes);
}
