using OneBotBridge.Cli;
using OneBotBridge.Configuration;

namespace OneBotBridge.Tests.Host;

/// <summary>What one in-process invocation of the CLI returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public static async Task<CliResult> InvokeAsync(EnvironmentLookup environment, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(args, output, error, environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> InvokeAsync(params string[] args) =>
        InvokeAsync(ConfigFiles.NoEnvironment, CancellationToken.None, args);
}
