using System.CommandLine;
using OneBotBridge.Conformance;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Cli;

/// <summary>
/// <c>conformance DIR [--webhook]</c>: plays every fixture in DIR against the bridge and the simulator, one line per
/// fixture and a summary; exit 1 if any failed, 2 if the directory or a fixture cannot be read. <c>--webhook</c>
/// delivers the fixtures' dispatches by signed HTTP callbacks instead of the gateway.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "A directory of protocol fixtures (*.json)" };
        var command = new Command("conformance", "Run the protocol fixtures in DIR against the bridge and a simulated QQ platform");
        var webhook = new Option<bool>("--webhook") { Description = "Deliver the dispatches by webhook (qq.transport: webhook) instead of the gateway" };
        command.Arguments.Add(directory);
        command.Options.Add(webhook);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(directory),
            parseResult.GetValue(webhook) ? QQTransport.Webhook : QQTransport.WebSocket,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string directory, QQTransport transport, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<Fixture> fixtures;
        try
        {
            fixtures = FixtureDirectory.Load(directory);
        }
        catch (FixtureFormatException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.ConfigError;
        }

        var results = new List<FixtureResult>();
        foreach (var fixture in fixtures)
        {
            var result = await FixtureRunner.RunAsync(fixture, transport, cancellationToken);
            output.WriteLine(result.Line);
            results.Add(result);
        }

        var failed = results.Count(r => r.Outcome == FixtureOutcome.Failed);
        output.WriteLine($"{results.Count(r => r.Outcome == FixtureOutcome.Passed)} passed, {failed} failed");
        return failed > 0 ? ExitCodes.Fatal : ExitCodes.Ok;
    }
}
