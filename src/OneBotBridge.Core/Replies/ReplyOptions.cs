using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// The <c>replies</c> section of bridge.yaml: how long a received message or event can be replied to,
/// and how often. Defaults are the platform's rules.
/// </summary>
public sealed class ReplyOptions
{
    /// <summary><c>replies.group_window</c>.</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>replies.c2c_window</c>.</summary>
    public TimeSpan C2CWindow { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary><c>replies.guild_window</c>: guild channels.</summary>
    public TimeSpan GuildWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>replies.direct_window</c>: guild direct messages.</summary>
    public TimeSpan DirectWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>replies.event_window</c>: how long an <c>event_id</c> can be replied to, in every scene.</summary>
    public TimeSpan EventWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>replies.max_per_msg_id</c>: replies per msg_id or event_id in groups and C2C (guilds have no limit).</summary>
    public int MaxPerMsgId { get; set; } = 5;

    /// <summary>
    /// <c>replies.margin</c>: a source stops being picked this long before its window closes, so the send
    /// still reaches the platform inside the window.
    /// </summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The reply window of a received message in <paramref name="scene"/>.</summary>
    public TimeSpan MessageWindow(Scene scene) => scene switch
    {
        Scene.Group => GroupWindow,
        Scene.C2C => C2CWindow,
        Scene.GuildChannel => GuildWindow,
        Scene.GuildDirect => DirectWindow,
        _ => throw new ArgumentOutOfRangeException(nameof(scene), scene, null),
    };

    /// <summary>How many replies one source allows in <paramref name="scene"/>; null when unlimited.</summary>
    public int? ReplyLimit(Scene scene) => scene is Scene.Group or Scene.C2C ? MaxPerMsgId : null;

    /// <summary>The longest any source stays usable.</summary>
    public TimeSpan LongestWindow =>
        new[] { GroupWindow, C2CWindow, GuildWindow, DirectWindow, EventWindow }.Max();

    /// <summary>Problems with the options, each naming its bridge.yaml key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (key, window) in new[]
                 {
                     ("replies.group_window", GroupWindow), ("replies.c2c_window", C2CWindow),
                     ("replies.guild_window", GuildWindow), ("replies.direct_window", DirectWindow),
                     ("replies.event_window", EventWindow),
                 })
        {
            if (window <= TimeSpan.Zero)
            {
                yield return $"{key}: must be a positive duration";
            }
            else if (Margin >= window)
            {
                yield return $"{key}: must be longer than replies.margin ({Margin})";
            }
        }

        if (Margin < TimeSpan.Zero)
        {
            yield return "replies.margin: must not be negative";
        }

        if (MaxPerMsgId < 1)
        {
            yield return "replies.max_per_msg_id: must be at least 1";
        }
    }
}
