namespace OneBotBridge.Core.Ids;

/// <summary>The kinds of string id the QQ platform hands out.</summary>
public enum IdKind
{
    /// <summary><c>group_openid</c> of a QQ group.</summary>
    GroupOpenId,

    /// <summary><c>member_openid</c> of a group member.</summary>
    MemberOpenId,

    /// <summary><c>user_openid</c> of a C2C user.</summary>
    UserOpenId,

    /// <summary><c>union_openid</c>: one person across groups, C2C and the bot's other apps.</summary>
    UnionOpenId,

    /// <summary>A guild id.</summary>
    GuildId,

    /// <summary>A guild channel id; a channel appears downstream as a group.</summary>
    ChannelId,

    /// <summary>A guild user id (<c>author.id</c> in guild messages).</summary>
    GuildUserId,

    /// <summary>The guild id of a direct-message session (<c>/dms/{guild_id}</c>); it addresses a guild user.</summary>
    DirectMessageGuild,
}

public static class IdKindExtensions
{
    /// <summary>The number space ids of this kind are numbered in.</summary>
    public static IdSpace Space(this IdKind kind) => kind switch
    {
        IdKind.GroupOpenId or IdKind.ChannelId => IdSpace.Group,
        IdKind.GuildId => IdSpace.Guild,
        _ => IdSpace.User,
    };

    /// <summary>
    /// The stable name of the kind: it is hashed into numbers and written to storage, so it must never
    /// change (renaming the enum member must not renumber anyone).
    /// </summary>
    public static string Tag(this IdKind kind) => kind switch
    {
        IdKind.GroupOpenId => "group",
        IdKind.MemberOpenId => "member",
        IdKind.UserOpenId => "user",
        IdKind.UnionOpenId => "union",
        IdKind.GuildId => "guild",
        IdKind.ChannelId => "channel",
        IdKind.GuildUserId => "guild_user",
        IdKind.DirectMessageGuild => "dm_guild",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown id kind"),
    };

    public static bool TryParseTag(string tag, out IdKind kind)
    {
        foreach (var candidate in Enum.GetValues<IdKind>())
        {
            if (candidate.Tag() == tag)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
