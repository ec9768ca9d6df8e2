using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Configuration;

/// <summary>
/// What <c>run</c> needs beyond a valid file: the bot's credentials, from bridge.yaml or the
/// environment. <c>check-config</c> does not demand them, since the environment may supply them later.
/// </summary>
public static class CredentialRequirement
{
    public static IReadOnlyList<ConfigProblem> Check(QQOptions options)
    {
        var problems = new List<ConfigProblem>();
        if (options.AppId.Length == 0)
        {
            problems.Add(new ConfigProblem(
                "qq.app_id",
                null,
                $"not set: put the bot's AppID in qq.app_id or set the environment variable {EnvironmentOverrides.AppId}"));
        }

        if (options.ClientSecret.Length == 0)
        {
            problems.Add(new ConfigProblem(
                "qq.client_secret",
                null,
                $"not set: put the bot's AppSecret in qq.client_secret or (better) set the environment variable {EnvironmentOverrides.ClientSecret}"));
        }

        return problems;
    }
}
