using System.Diagnostics;

namespace OneBotBridge.Tests.QQ;

/// <summary>Bounded polling for conditions that become true on another thread.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    public static async Task AssertAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!await TrueAsync(condition, timeout ?? TimeSpan.FromSeconds(10)))
        {
            Assert.Fail($"timed out waiting for: {what}");
        }
    }
}
