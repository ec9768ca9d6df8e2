using System.CommandLine;
using OneBotBridge.Bench.Relay;
using OneBotBridge.Bench.Scenarios;

namespace OneBotBridge.Bench.Cli;

/// <summary>The command line: a verb per scenario, <c>all</c>, and the hidden <c>relay-process</c> the relay scenario starts.</summary>
internal static class BenchCli
{
    private static readonly (string Name, Scenario Scenarios, string Description)[] Verbs =
    [
        ("all", Scenario.All, "Run every scenario"),
        ("events", Scenario.Events, "Events from the simulator to 1, 10 and 100 forward-WS clients through the bridge"),
        ("relay", Scenario.Relay, "The same events through a minimal relay: the machine's physical limit"),
        ("actions", Scenario.Actions, "send_group_msg round trips, each a passive reply to a fresh message"),
        ("connections", Scenario.Connections, "Resident memory of the idle bridge and with many idle connections"),
        ("startup", Scenario.Startup, "From process start to READY"),
    ];

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Measure the OneBotBridge executable against the simulated QQ platform; prints a Markdown report");
        foreach (var (name, scenarios, description) in Verbs)
        {
            root.Subcommands.Add(ScenarioCommand(name, scenarios, description, args, output, error));
        }

        root.Subcommands.Add(RelayCommand.Create());
        var parseResult = root.Parse(args);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return parseResult.Errors.Count > 0 ? 2 : exitCode;
    }

    private static Command ScenarioCommand(string name, Scenario scenarios, string description, string[] args, TextWriter output, TextWriter error)
    {
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to PATH", HelpName = "PATH" };
        var smoke = new Option<bool>("--smoke") { Description = "Tiny sizes, seconds in all: checks the bench works, measures nothing" };
        var duration = new Option<double?>("--duration") { Description = "Seconds per event run (default 10, smoke 1)", HelpName = "SECONDS" };
        duration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is <= 0)
            {
                result.AddError("--duration must be a positive number of seconds");
            }
        });
        var command = new Command(name, description) { json, smoke, duration };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var isSmoke = parseResult.GetValue(smoke);
            var seconds = parseResult.GetValue(duration);
            var settings = new BenchSettings(isSmoke, seconds is { } given ? TimeSpan.FromSeconds(given) : BenchSettings.DefaultDuration(isSmoke));
            var commandLine = "dotnet run -c Release --project bench/OneBotBridge.Bench -- " + string.Join(' ', args);
            return BenchRunner.RunAsync(scenarios, settings, parseResult.GetValue(json), commandLine, output, error, cancellationToken);
        });
        return command;
    }
}
