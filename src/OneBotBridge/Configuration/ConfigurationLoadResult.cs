namespace OneBotBridge.Configuration;

/// <summary>
/// What loading produced: the configuration (defaults wherever a key was missing or wrong),
/// every problem found, and which environment variables overrode the file.
/// </summary>
public sealed record ConfigurationLoadResult(
    BridgeConfiguration Configuration,
    IReadOnlyList<ConfigProblem> Problems,
    IReadOnlyList<string> EnvironmentOverrides)
{
    public bool IsValid => Problems.Count == 0;
}
