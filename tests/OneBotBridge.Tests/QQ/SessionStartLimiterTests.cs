using Microsoft.Extensions.Logging.Abstractions;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SessionStartLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _time = new();

    private SessionStartLimiter Limiter(int remaining, int maxConcurrency, Func<SessionStartLimit>? refreshed = null) => new(
        new SessionStartLimit(1000, remaining, TimeSpan.FromMinutes(10), maxConcurrency),
        _ => Task.FromResult(refreshed?.Invoke() ?? throw new InvalidOperationException("no refresh expected")),
        Window,
        _time,
        NullLogger.Instance);

    [Test]
    public async Task Starts_at_most_max_concurrency_sessions_per_window()
    {
        var limiter = Limiter(remaining: 100, maxConcurrency: 2);

        await limiter.AcquireAsync(CancellationToken.None);
        await limiter.AcquireAsync(CancellationToken.None);
        var third = limiter.AcquireAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.That(third.IsCompleted, Is.False, "a third start within 5 s");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Never_starts_more_sessions_than_remain_until_the_limit_resets()
    {
        var limiter = Limiter(remaining: 1, maxConcurrency: 5, refreshed: () => new SessionStartLimit(1000, 1000, TimeSpan.FromHours(4), 5));

        await limiter.AcquireAsync(CancellationToken.None);
        var second = limiter.AcquireAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.That(second.IsCompleted, Is.False, "no start left before reset_after");
        _time.Advance(TimeSpan.FromMinutes(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
