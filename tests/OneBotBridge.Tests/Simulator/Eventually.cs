namespace OneBotBridge.Tests.Simulator;

/// <summary>Bounded waiting for a condition another thread makes true.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }
}
