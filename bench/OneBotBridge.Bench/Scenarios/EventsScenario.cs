using OneBotBridge.Bench.Load;
using OneBotBridge.Bench.Processes;
using OneBotBridge.Bench.Reporting;

namespace OneBotBridge.Bench.Scenarios;

/// <summary>
/// The events and relay scenarios: for each client count a fresh simulator and a fresh bridge (or relay), a warm-up,
/// a run paced at <see cref="BenchSettings.OfferedEventsPerSecond"/>, then a saturating run.
/// </summary>
internal static class EventsScenario
{
    public static async Task RunAsync(SystemKind kind, BenchSettings settings, List<EventRunResult> results, TextWriter progress, CancellationToken cancellationToken)
    {
        foreach (var clients in settings.ClientCounts)
        {
            await using var simulator = await BenchSimulator.StartAsync(cancellationToken);
            using var data = new TempDirectory();
            await using var target = kind == SystemKind.Bridge
                ? await SystemUnderTest.StartBridgeAsync(simulator, data.Path, cancellationToken)
                : await SystemUnderTest.StartRelayAsync(simulator, cancellationToken);
            var run = new EventRun(simulator, target, settings);
            await run.WarmUpAsync(clients, cancellationToken);
            foreach (var offered in new double?[] { BenchSettings.OfferedEventsPerSecond, null })
            {
                var result = await run.RunAsync(kind, clients, offered, cancellationToken);
                results.Add(result);
                progress.WriteLine(
                    $"{kind.ToString().ToLowerInvariant()}: {clients} client(s), {MarkdownReport.LoadOf(result)}: {result.EventsPerSecond:N0} events/s, " +
                    $"p50 {result.Latency.P50:0.00} ms, p99 {result.Latency.P99:0.00} ms, CPU {result.CpuSeconds:0.00} s (bench {result.BenchCpuSeconds:0.00} s)");
            }
        }
    }
}
