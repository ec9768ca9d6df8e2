using System.Collections.Frozen;

namespace OneBotBridge.QQ;

/// <summary>The gateway intents by their bridge.yaml names (snake_case of the platform's names).</summary>
public static class Intents
{
    private static readonly FrozenDictionary<string, long> BitsByName = new Dictionary<string, long>
    {
        ["guilds"] = 1L << 0,
        ["guild_members"] = 1L << 1,
        ["guild_messages"] = 1L << 9,
        ["guild_message_reactions"] = 1L << 10,
        ["direct_message"] = 1L << 12,
        ["group_and_c2c_event"] = 1L << 25,
        ["interaction"] = 1L << 26,
        ["message_audit"] = 1L << 27,
        ["forums_event"] = 1L << 28,
        ["audio_action"] = 1L << 29,
        ["public_guild_messages"] = 1L << 30,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> KnownNames => BitsByName.Keys.Order(StringComparer.Ordinal);

    /// <summary>ORs the bits of <paramref name="names"/>; an unknown name is a <see cref="QQFatalException"/> that lists the known ones.</summary>
    public static long Resolve(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        long bits = 0;
        foreach (var name in names)
        {
            if (!BitsByName.TryGetValue(name.Trim(), out var bit))
            {
                throw new QQFatalException(
                    $"qq.intents: unknown intent '{name}'; known intents are {string.Join(", ", KnownNames)}");
            }

            bits |= bit;
        }

        return bits;
    }
}
