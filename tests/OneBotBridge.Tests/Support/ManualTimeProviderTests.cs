namespace OneBotBridge.Tests.Support;

public sealed class ManualTimeProviderTests
{
    [Test]
    public async Task Delay_completes_only_when_the_clock_passes_it()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.That(delay.IsCompleted, Is.False);

        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(delay.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void Periodic_timer_fires_once_per_period_passed()
    {
        var clock = new ManualTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(3.5));

        Assert.That(fired, Is.EqualTo(3));
        Assert.That(clock.GetUtcNow() - new DateTimeOffset(2025, 3, 13, 15, 30, 0, TimeSpan.Zero), Is.EqualTo(TimeSpan.FromSeconds(3.5)));
    }
}
