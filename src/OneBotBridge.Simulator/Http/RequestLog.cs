namespace OneBotBridge.Simulator.Http;

/// <summary>Every recorded HTTP exchange, in the order the requests arrived.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }
}
