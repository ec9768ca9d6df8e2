namespace OneBotBridge.Simulation;

/// <summary>How the terminal names a conversation: its kind and the start of its id, <c>group D4DE0123…</c>.</summary>
internal static class ChatName
{
    private const int ShownIdLength = 8;

    public static string Group(string groupOpenId) => $"group {Short(groupOpenId)}";

    public static string User(string userOpenId) => $"user {Short(userOpenId)}";

    public static string Channel(string channelId) => $"channel {Short(channelId)}";

    public static string DirectMessages(string guildId) => $"direct messages in guild {Short(guildId)}";

    private static string Short(string id) => id.Length > ShownIdLength ? id[..ShownIdLength] + "…" : id;
}
