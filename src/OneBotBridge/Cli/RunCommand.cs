using System.CommandLine;
using OneBotBridge.Configuration;
using OneBotBridge.Hosting;

namespace OneBotBridge.Cli;

/// <summary><c>run [--config PATH]</c>: validate, require credentials, then run the bridge until stopped.</summary>
internal static class RunCommand
{
    public const string CredentialGuidance =
        "run needs the bot's AppID and AppSecret from the QQ open platform (q.qq.com, development settings). " +
        "To try the bridge without a bot account, the `simulate` verb runs it against a built-in simulated QQ platform.";

    public static Command Create(EnvironmentLookup environment)
    {
        var config = ConfigPathOption.Create();
        var command = new Command("run", "Connect to the QQ platform and serve OneBot v11 until stopped (Ctrl+C)");
        command.Options.Add(config);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(config),
            environment,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, EnvironmentLookup environment, TextWriter error, CancellationToken cancellationToken)
    {
        var result = new BridgeConfigurationLoader(environment).LoadFile(path);
        if (!result.IsValid)
        {
            ProblemReport.Write(error, path, result.Problems);
            error.WriteLine($"{path}: {ProblemReport.Count(result.Problems.Count)}; `onebot-bridge check-config` checks a file without starting");
            return ExitCodes.ConfigError;
        }

        var missing = CredentialRequirement.Check(result.Configuration.Qq);
        if (missing.Count > 0)
        {
            ProblemReport.Write(error, path, missing);
            error.WriteLine(CredentialGuidance);
            return ExitCodes.ConfigError;
        }

        var builder = BridgeHostBuilder.Create(result.Configuration);
        builder.Services.AddBridgeRuntime();
        return await BridgeRunner.RunAsync(builder, error, cancellationToken);
    }
}
