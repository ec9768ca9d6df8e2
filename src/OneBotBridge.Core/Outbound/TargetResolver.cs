using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Outbound;

/// <summary>Turns the numbers frameworks send back into conversations and the platform ids that address them.</summary>
public sealed class TargetResolver(IdMap ids)
{
    /// <summary>The QQ group or guild channel numbered <paramref name="groupNumber"/>.</summary>
    public ChatTarget Group(long groupNumber) =>
        ids.TryGetAddress(IdKind.GroupOpenId, groupNumber, out _) ? ChatTarget.Group(groupNumber)
        : ids.TryGetAddress(IdKind.ChannelId, groupNumber, out _) ? ChatTarget.GuildChannel(groupNumber)
        : throw Unknown($"group {groupNumber}");

    /// <summary>The private chat with user <paramref name="userNumber"/>: C2C when known, else a guild direct-message session.</summary>
    public ChatTarget Private(long userNumber) =>
        ids.TryGetAddress(IdKind.UserOpenId, userNumber, out _) ? ChatTarget.C2C(userNumber)
        : ids.TryGetAddress(IdKind.DirectMessageGuild, userNumber, out _) ? ChatTarget.GuildDirect(userNumber)
        : throw Unknown($"user {userNumber}");

    /// <summary>The platform id in the send path of <paramref name="target"/>: group openid, user openid, channel id or DM guild id.</summary>
    public string AddressOf(ChatTarget target)
    {
        var kind = target.Scene switch
        {
            Scene.Group => IdKind.GroupOpenId,
            Scene.C2C => IdKind.UserOpenId,
            Scene.GuildChannel => IdKind.ChannelId,
            Scene.GuildDirect => IdKind.DirectMessageGuild,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
        return ids.TryGetAddress(kind, target.Number, out var address) ? address : throw Unknown(target.ToString());
    }

    private static ActionFailedException Unknown(string what) =>
        new(Retcode.BadRequest, $"{what} is unknown to the bridge: it can only send where it has received something");
}
