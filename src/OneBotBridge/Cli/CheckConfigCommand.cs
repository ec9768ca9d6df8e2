using System.CommandLine;
using OneBotBridge.Configuration;

namespace OneBotBridge.Cli;

/// <summary><c>check-config [--config PATH]</c>: validate a file without starting anything.</summary>
internal static class CheckConfigCommand
{
    public static Command Create(EnvironmentLookup environment)
    {
        var config = ConfigPathOption.Create();
        var command = new Command("check-config", "Validate a configuration file: exit 0 if it is usable, else print every problem and exit 2");
        command.Options.Add(config);
        command.SetAction(parseResult => Check(
            parseResult.GetRequiredValue(config),
            environment,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Check(string path, EnvironmentLookup environment, TextWriter output, TextWriter error)
    {
        var result = new BridgeConfigurationLoader(environment).LoadFile(path);
        if (!result.IsValid)
        {
            ProblemReport.Write(error, path, result.Problems);
            error.WriteLine($"{path}: {ProblemReport.Count(result.Problems.Count)}");
            return ExitCodes.ConfigError;
        }

        output.WriteLine($"{path}: configuration OK");
        foreach (var line in ConfigurationSummary.Describe(result))
        {
            output.WriteLine($"  {line}");
        }

        if (CredentialRequirement.Check(result.Configuration.Qq).Count > 0)
        {
            output.WriteLine(
                $"note: `run` also needs qq.app_id and qq.client_secret, from this file or from {EnvironmentOverrides.AppId} / {EnvironmentOverrides.ClientSecret}");
        }

        return ExitCodes.Ok;
    }
}
