using System.CommandLine;
using OneBotBridge.Configuration;

namespace OneBotBridge.Cli;

/// <summary>The <c>--config PATH</c> option the verbs share.</summary>
internal static class ConfigPathOption
{
    public static Option<string> Create() => new("--config", "-c")
    {
        Description = "Path of the configuration file",
        HelpName = "PATH",
        DefaultValueFactory = _ => BridgeConfigurationLoader.DefaultPath,
    };
}
