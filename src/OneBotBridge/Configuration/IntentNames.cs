namespace OneBotBridge.Configuration;

/// <summary>
/// The gateway intents bridge.yaml may name (reference §4, in snake_case). The bits behind the
/// names belong to the QQ client; this list only validates the file.
/// </summary>
internal static class IntentNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "guilds",
        "guild_members",
        "guild_messages",
        "guild_message_reactions",
        "direct_message",
        "group_and_c2c_event",
        "interaction",
        "message_audit",
        "forums_event",
        "audio_action",
        "public_guild_messages",
    ];
}
