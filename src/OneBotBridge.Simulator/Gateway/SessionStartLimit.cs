using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>The <c>session_start_limit</c> of <c>/gateway/bot</c>: Identify spends one start; the count resets daily.</summary>
internal sealed class SessionStartLimit(int total, int remaining, int maxConcurrency, TimeProvider time)
{
    private static readonly TimeSpan ResetPeriod = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private int _remaining = remaining;
    private DateTimeOffset _resetsAt = time.GetUtcNow() + ResetPeriod;

    public bool TryConsume()
    {
        lock (_gate)
        {
            ResetIfDue();
            if (_remaining <= 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }

    public JObject ToJson()
    {
        lock (_gate)
        {
            ResetIfDue();
            return new JObject
            {
                ["total"] = total,
                ["remaining"] = _remaining,
                ["reset_after"] = (long)(_resetsAt - time.GetUtcNow()).TotalMilliseconds,
                ["max_concurrency"] = maxConcurrency,
            };
        }
    }

    private void ResetIfDue()
    {
        var now = time.GetUtcNow();
        if (now < _resetsAt)
        {
            return;
        }

        _remaining = total;
        while (_resetsAt <= now)
        {
            _resetsAt += ResetPeriod;
        }
    }
}
