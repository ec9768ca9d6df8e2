using OneBotBridge.Configuration;
using OneBotBridge.Tests.Support;

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

    /// <summary>The bridge.yaml at the repository root.</summary>
    public static string ShippedPath() => RepositoryFiles.PathOf("bridge.yaml");

    /// <summary>The one problem <paramref name="yaml"/> has; fails, listing them, when it has none or several.</summary>
    public static ConfigProblem SingleProblem(string yaml)
    {
        var problems = Load(yaml).Problems;
        Assert.That(problems, Has.Count.EqualTo(1), () => string.Join(System.Environment.NewLine, problems.Select(p => p.Format("test.yaml"))));
        return problems[0];
    }

    /// <summary>Asserts that <paramref name="yaml"/> has exactly one problem, at <paramref name="key"/> on <paramref name="line"/>, saying <paramref name="messagePart"/>.</summary>
    public static void AssertSingleProblem(string yaml, string key, int line, string messagePart)
    {
        var problem = SingleProblem(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(problem.Key, Is.EqualTo(key));
            Assert.That(problem.Line, Is.EqualTo(line));
            Assert.That(problem.Message, Does.Contain(messagePart));
        });
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
