namespace OneBotBridge.Simulator.Http;

/// <summary>
/// The most recent recorded HTTP exchanges (<see cref="QQSimulatorOptions.RequestLogCapacity"/>), in the order the
/// requests arrived. Older ones are forgotten: a simulator answering for hours would otherwise keep every body.
/// With a capacity of 0 none is kept; <see cref="Recorded"/> still tells of each.
/// </summary>
internal sealed class RequestLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();

    /// <summary>Raised after each request is recorded, on the request's thread.</summary>
    public event Action<RecordedRequest>? Recorded;

    /// <summary>False when nothing is kept and nobody listens: then a request is not recorded at all.</summary>
    public bool IsRecording => capacity > 0 || Recorded is not null;

    public void Add(RecordedRequest request)
    {
        if (capacity > 0)
        {
            lock (_gate)
            {
                if (_requests.Count == capacity)
                {
                    _requests.Dequeue();
                }

                _requests.Enqueue(request);
            }
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
