using Microsoft.Extensions.Logging;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// Guards Identify with <c>session_start_limit</c>: never more sessions than <c>remaining</c>
/// (when none remain, wait for <c>reset_after</c> and ask again), and at most <c>max_concurrency</c>
/// starts per window (5 s), shared by every shard of the process.
/// </summary>
internal sealed partial class SessionStartLimiter(
    SessionStartLimit initial,
    Func<CancellationToken, Task<SessionStartLimit>> refresh,
    TimeSpan window,
    TimeProvider time,
    ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _recentStarts = new();
    private SessionStartLimit _limit = initial;
    private DateTimeOffset _resetAt = time.GetUtcNow() + initial.ResetAfter;

    /// <summary>Waits until one more session may start, and counts it as started.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForRemainingAsync(cancellationToken).ConfigureAwait(false);
            await WaitForWindowAsync(cancellationToken).ConfigureAwait(false);
            _recentStarts.Enqueue(time.GetUtcNow());
            _limit = _limit with { Remaining = _limit.Remaining - 1 };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WaitForRemainingAsync(CancellationToken cancellationToken)
    {
        while (_limit.Remaining <= 0)
        {
            var wait = _resetAt - time.GetUtcNow();
            if (wait < window)
            {
                wait = window;
            }

            Log.Exhausted(logger, _limit.Total, wait);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            _limit = await refresh(cancellationToken).ConfigureAwait(false);
            _resetAt = time.GetUtcNow() + _limit.ResetAfter;
        }
    }

    private async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (_recentStarts.TryPeek(out var oldest) && oldest + window <= now)
            {
                _recentStarts.Dequeue();
            }

            if (_recentStarts.Count < _limit.MaxConcurrency)
            {
                return;
            }

            await Task.Delay(_recentStarts.Peek() + window - now, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "All {Total} gateway session starts are used up; waiting {Wait} for the limit to reset")]
        public static partial void Exhausted(ILogger logger, int total, TimeSpan wait);
    }
}
