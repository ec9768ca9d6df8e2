namespace OneBotBridge.Simulator.Http;

/// <summary>A scripted answer that replaces the next real one.</summary>
internal sealed record CannedResponse(int Status, string Body);

/// <summary>An injected failure for the next OpenAPI call.</summary>
internal sealed record InjectedFailure(int Status, TimeSpan? RetryAfter);

/// <summary>Answers scripted by tests: one-shot responses per method+path, and "fail the next N calls".</summary>
internal sealed class ResponseOverrides
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Method, string Path), Queue<CannedResponse>> _canned = [];
    private int _failuresLeft;
    private InjectedFailure? _failure;

    public void RespondNext(string method, string path, int status, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfNotHttpStatus(status);
        lock (_gate)
        {
            var key = (method.ToUpperInvariant(), path);
            if (!_canned.TryGetValue(key, out var queue))
            {
                _canned[key] = queue = new Queue<CannedResponse>();
            }

            queue.Enqueue(new CannedResponse(status, body));
        }
    }

    public void FailNext(int count, int status, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ThrowIfNotHttpStatus(status);
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        lock (_gate)
        {
            _failuresLeft = count;
            _failure = new InjectedFailure(status, retryAfter);
        }
    }

    public CannedResponse? TakeCanned(string method, string path)
    {
        lock (_gate)
        {
            var key = (method.ToUpperInvariant(), path);
            if (!_canned.TryGetValue(key, out var queue) || !queue.TryDequeue(out var canned))
            {
                return null;
            }

            if (queue.Count == 0)
            {
                _canned.Remove(key);
            }

            return canned;
        }
    }

    public InjectedFailure? TakeFailure()
    {
        lock (_gate)
        {
            if (_failuresLeft == 0)
            {
                return null;
            }

            _failuresLeft--;
            return _failure;
        }
    }

    private static void ThrowIfNotHttpStatus(int status)
    {
        if (status is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An HTTP status is between 100 and 599.");
        }
    }
}
