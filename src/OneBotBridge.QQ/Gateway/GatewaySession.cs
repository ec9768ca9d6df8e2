namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// A shard's gateway session: its id and the seq of the last dispatch handed on. It outlives every
/// socket, so a new connection can Resume, and replayed dispatches up to <see cref="LastSeq"/> are
/// recognised as already delivered.
/// </summary>
internal sealed class GatewaySession
{
    private const long NoSeq = -1;

    private volatile string? _sessionId;
    private long _lastSeq = NoSeq;

    public string? SessionId => _sessionId;

    public long? LastSeq => Interlocked.Read(ref _lastSeq) is var seq && seq != NoSeq ? seq : null;

    public bool CanResume => _sessionId is not null;

    public void Start(string sessionId)
    {
        Interlocked.Exchange(ref _lastSeq, NoSeq);
        _sessionId = sessionId;
    }

    /// <summary>After op 9 or a close that invalidates the session: the next connection Identifies.</summary>
    public void Forget()
    {
        _sessionId = null;
        Interlocked.Exchange(ref _lastSeq, NoSeq);
    }

    /// <summary>Whether a dispatch with <paramref name="seq"/> comes after everything handed on so far.</summary>
    public bool IsNew(long seq) => seq > Interlocked.Read(ref _lastSeq);

    /// <summary>Records that everything up to <paramref name="seq"/> has been handed on.</summary>
    public void Advance(long seq)
    {
        if (seq > Interlocked.Read(ref _lastSeq))
        {
            Interlocked.Exchange(ref _lastSeq, seq);
        }
    }
}
