using OneBotBridge.Bench.Reporting;
using OneBotBridge.Bench.Scenarios;

namespace OneBotBridge.Bench.Cli;

/// <summary>Runs the chosen scenarios in the order, then prints the Markdown report and writes the JSON one.</summary>
internal static class BenchRunner
{
    /// <returns>0 once measured (a missed target included), 1 when the bench itself failed.</returns>
    public static async Task<int> RunAsync(
        Scenario scenarios, BenchSettings settings, string? jsonPath, string command, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var results = new BenchResults();
        try
        {
            if (scenarios.HasFlag(Scenario.Events))
            {
                await EventsScenario.RunAsync(SystemKind.Bridge, settings, results.Events, error, cancellationToken);
            }

            if (scenarios.HasFlag(Scenario.Relay))
            {
                await EventsScenario.RunAsync(SystemKind.Relay, settings, results.Relay, error, cancellationToken);
            }

            if (scenarios.HasFlag(Scenario.Actions))
            {
                results.Actions.AddRange(await ActionsScenario.RunAsync(settings, error, cancellationToken));
            }

            if (scenarios.HasFlag(Scenario.Connections))
            {
                results.Connections = await ConnectionsScenario.RunAsync(settings, error, cancellationToken);
            }

            if (scenarios.HasFlag(Scenario.Startup))
            {
                results.Startup = await StartupScenario.RunAsync(settings, error, cancellationToken);
            }
        }
        catch (BenchFailedException failure)
        {
            error.WriteLine($"bench failed: {failure.Message}");
            return 1;
        }

        var report = new BenchReport(command, settings, MachineInfo.Current(), results);
        output.Write(MarkdownReport.Write(report));
        if (jsonPath is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(jsonPath, report.ToJson(), cancellationToken);
        }

        return 0;
    }
}
