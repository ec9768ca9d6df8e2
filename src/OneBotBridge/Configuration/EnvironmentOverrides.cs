namespace OneBotBridge.Configuration;

/// <summary>Environment variables that take precedence over bridge.yaml, so secrets can stay out of the file.</summary>
public static class EnvironmentOverrides
{
    public const string AppId = "QQ_APP_ID";
    public const string ClientSecret = "QQ_CLIENT_SECRET";

    public static EnvironmentLookup Process { get; } = Environment.GetEnvironmentVariable;

    /// <summary>Applies every variable that is set and non-empty; returns the names applied.</summary>
    public static IReadOnlyList<string> Apply(BridgeConfiguration configuration, EnvironmentLookup environment)
    {
        var applied = new List<string>();
        if (environment(AppId) is { Length: > 0 } appId)
        {
            configuration.Qq.AppId = appId.Trim();
            applied.Add(AppId);
        }

        if (environment(ClientSecret) is { Length: > 0 } secret)
        {
            configuration.Qq.ClientSecret = secret.Trim();
            applied.Add(ClientSecret);
        }

        return applied;
    }
}
