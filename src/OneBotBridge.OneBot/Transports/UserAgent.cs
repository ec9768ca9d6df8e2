using System.Reflection;

namespace OneBotBridge.OneBot.Transports;

/// <summary>The <c>User-Agent</c> the bridge sends to frameworks.</summary>
internal static class UserAgent
{
    public static string Value { get; } =
        $"OneBotBridge/{typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} OneBot/v11";
}
