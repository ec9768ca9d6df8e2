using OneBotBridge.Configuration;

namespace OneBotBridge.Tests.Host;

/// <summary>Helpers for configuration tests: temporary files, a fake environment, the shipped bridge.yaml.</summary>
internal static class ConfigFiles
{
    public static EnvironmentLookup NoEnvironment { get; } = _ => null;

    public static EnvironmentLookup Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(variable => variable.Name, variable => variable.Value);
        return name => values.GetValueOrDefault(name);
    }

    public static ConfigurationLoadResult Load(string yaml, EnvironmentLookup? environment = null) =>
        new BridgeConfigurationLoader(environment ?? NoEnvironment).Load(yaml);

    /// <summary>The bridge.yaml at the repository root, found by walking up from the test assembly.</summary>
    public static string ShippedPath()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneBotBridge.sln")))
            {
                return Path.Combine(directory.FullName, "bridge.yaml");
            }
        }

        throw new InvalidOperationException("repository root (OneBotBridge.sln) not found above the test directory");
    }
}

/// <summary>A configuration file in a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempConfigFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("onebot-bridge-config-").FullName;

    public TempConfigFile(string yaml)
    {
        Path = System.IO.Path.Combine(_directory, "bridge.yaml");
        File.WriteAllText(Path, yaml);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
