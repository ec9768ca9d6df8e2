using System.Reflection;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Actions.BuiltIn;

/// <summary><c>get_version_info</c> → <c>{app_name: "OneBotBridge", app_version, protocol_version: "v11"}</c>.</summary>
[OneBotAction("get_version_info")]
internal sealed class GetVersionInfoHandler : IOneBotActionHandler
{
    private static readonly string AppVersion = ReadAppVersion();

    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JToken?>(new JObject
        {
            ["app_name"] = "OneBotBridge",
            ["app_version"] = AppVersion,
            ["protocol_version"] = "v11",
        });

    // The informational version without its "+commit" build metadata.
    private static string ReadAppVersion()
    {
        var assembly = typeof(GetVersionInfoHandler).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var metadataAt = version.IndexOf('+');
        return metadataAt < 0 ? version : version[..metadataAt];
    }
}
