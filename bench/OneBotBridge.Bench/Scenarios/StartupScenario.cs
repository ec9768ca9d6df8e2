using OneBotBridge.Bench.Load;
using OneBotBridge.Bench.Processes;
using OneBotBridge.Bench.Reporting;

namespace OneBotBridge.Bench.Scenarios;

/// <summary>
/// The startup scenario: from starting the bridge process to the simulator sending it READY, several
/// times over one data directory (the first start creates the database, the others open it, as restarts do).
/// </summary>
internal static class StartupScenario
{
    public static async Task<StartupResult> RunAsync(BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var simulator = await BenchSimulator.StartAsync(cancellationToken);
        using var data = new TempDirectory();
        var ready = new List<double>();
        for (var start = 0; start < settings.Starts; start++)
        {
            await using var bridge = await SystemUnderTest.StartBridgeAsync(simulator, data.Path, cancellationToken);
            ready.Add(bridge.ReadyAfter.TotalSeconds);
        }

        var result = new StartupResult(ready);
        progress.WriteLine($"startup: READY after {string.Join(", ", ready.Select(seconds => $"{seconds:0.000} s"))}; median {result.MedianSeconds:0.000} s");
        return result;
    }
}
