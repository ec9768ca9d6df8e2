namespace OneBotBridge.Simulator.Http;

/// <summary>Every recorded HTTP exchange, in the order the requests arrived.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Raised after each request is recorded, on the request's thread.</summary>
    public event Action<RecordedRequest>? Recorded;

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }

        Recorded?.Invoke(request);
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }
}
