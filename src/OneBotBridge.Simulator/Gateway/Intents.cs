namespace OneBotBridge.Simulator.Gateway;

/// <summary>The intent bits of the reference's table, with names for error messages.</summary>
internal static class Intents
{
    private static readonly (long Bit, string Name)[] Table =
    [
        (1L << 0, "GUILDS"),
        (1L << 1, "GUILD_MEMBERS"),
        (1L << 9, "GUILD_MESSAGES"),
        (1L << 10, "GUILD_MESSAGE_REACTIONS"),
        (1L << 12, "DIRECT_MESSAGE"),
        (1L << 25, "GROUP_AND_C2C_EVENT"),
        (1L << 26, "INTERACTION"),
        (1L << 27, "MESSAGE_AUDIT"),
        (1L << 28, "FORUMS_EVENT"),
        (1L << 29, "AUDIO_ACTION"),
        (1L << 30, "PUBLIC_GUILD_MESSAGES"),
    ];

    public const long All =
        (1L << 0) | (1L << 1) | (1L << 9) | (1L << 10) | (1L << 12) |
        (1L << 25) | (1L << 26) | (1L << 27) | (1L << 28) | (1L << 29) | (1L << 30);

    /// <summary>Names every bit of <paramref name="intents"/>, e.g. "GUILD_MESSAGES (1<<9)".</summary>
    public static string Describe(long intents)
    {
        var names = new List<string>();
        for (var bit = 0; bit < 63; bit++)
        {
            var value = 1L << bit;
            if ((intents & value) == 0)
            {
                continue;
            }

            var known = Table.FirstOrDefault(entry => entry.Bit == value).Name;
            names.Add(known is null ? $"1<<{bit}" : $"{known} (1<<{bit})");
        }

        return string.Join(", ", names);
    }
}
