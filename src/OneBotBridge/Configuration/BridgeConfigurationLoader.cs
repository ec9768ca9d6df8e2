using OneBotBridge.Configuration.Sections;
using OneBotBridge.Configuration.Yaml;

namespace OneBotBridge.Configuration;

/// <summary>
/// Reads bridge.yaml into a <see cref="BridgeConfiguration"/>, collecting every problem rather than
/// stopping at the first, then applies the environment overrides.
/// </summary>
public sealed class BridgeConfigurationLoader(EnvironmentLookup environment)
{
    public const string DefaultPath = "bridge.yaml";

    public ConfigurationLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed($"configuration file not found: {Path.GetFullPath(path)} (copy the bridge.yaml shipped with the bridge, or pass --config PATH)");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed($"cannot read the configuration file: {exception.Message}");
        }

        return Load(text);
    }

    public ConfigurationLoadResult Load(string yaml)
    {
        var problems = new List<ConfigProblem>();
        var configuration = new BridgeConfiguration();
        if (YamlDocumentReader.Read(yaml, problems) is { } root)
        {
            RootSection.Bind(new ConfigNode(root, "", problems), configuration);
        }

        var overrides = EnvironmentOverrides.Apply(configuration, environment);
        var inFileOrder = problems.OrderBy(problem => problem.Line ?? 0).ToList();
        return new ConfigurationLoadResult(configuration, inFileOrder, overrides);
    }

    private ConfigurationLoadResult Failed(string message)
    {
        var configuration = new BridgeConfiguration();
        var overrides = EnvironmentOverrides.Apply(configuration, environment);
        return new ConfigurationLoadResult(configuration, [new ConfigProblem("", null, message)], overrides);
    }
}
