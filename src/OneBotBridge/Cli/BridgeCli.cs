using System.CommandLine;
using OneBotBridge.Configuration;

namespace OneBotBridge.Cli;

/// <summary>The command line: <c>run</c>, <c>check-config</c>, <c>simulate</c>, <c>--version</c>, <c>--help</c>. Callable in-process for tests.</summary>
public static class BridgeCli
{
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, Console.In, output, error, EnvironmentOverrides.Process, cancellationToken);

    public static Task<int> InvokeAsync(
        string[] args, TextWriter output, TextWriter error, EnvironmentLookup environment, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, TextReader.Null, output, error, environment, cancellationToken);

    /// <param name="input">What <c>simulate</c> reads chat lines from.</param>
    public static async Task<int> InvokeAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, EnvironmentLookup environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("OneBotBridge: drive an official QQ bot from OneBot v11 frameworks")
        {
            RunCommand.Create(environment),
            CheckConfigCommand.Create(environment),
            SimulateCommand.Create(environment, input),
            ConformanceCommand.Create(),
        };

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // The generic host owns Ctrl+C and SIGTERM, so it can shut down gracefully in its own time.
            ProcessTerminationTimeout = null,
        };

        var parseResult = root.Parse(args);
        var exitCode = await parseResult.InvokeAsync(invocation, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitCodes.ConfigError : exitCode;
    }
}
