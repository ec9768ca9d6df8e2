using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>
/// The platform's passive-reply rules (reference §6) as data: which dispatches carry a msg_id or an
/// event_id that may be replied to, for which target, for how long and how many times.
/// </summary>
internal static class ReplyRules
{
    /// <summary>UNCONFIRMED by the reference; five minutes like the group msg_id window.</summary>
    public static readonly TimeSpan EventIdWindow = TimeSpan.FromMinutes(5);

    public static TimeSpan MsgIdWindow(MessageScene scene) =>
        scene == MessageScene.C2C ? TimeSpan.FromMinutes(60) : TimeSpan.FromMinutes(5);

    /// <summary>Replies allowed per msg_id; null when unlimited.</summary>
    public static int? RepliesPerMsgId(MessageScene scene) =>
        scene is MessageScene.Group or MessageScene.C2C ? 5 : null;

    /// <summary>Groups and users refuse active messages (since 2025-04-21); guild channels and DMs still take them.</summary>
    public static bool RequiresReplyReference(MessageScene scene) => scene is MessageScene.Group or MessageScene.C2C;

    /// <summary><c>(msg_id, msg_seq)</c> must be unique where messages carry a msg_seq.</summary>
    public static bool UsesMsgSeq(MessageScene scene) => scene is MessageScene.Group or MessageScene.C2C;

    /// <summary>The target a message dispatch's <c>d.id</c> may be replied to at, or null when it is no message.</summary>
    public static ReplyTarget? MessageReplyTarget(string type, JObject data) => type switch
    {
        "GROUP_AT_MESSAGE_CREATE" or "GROUP_MESSAGE_CREATE" => Target(MessageScene.Group, data["group_openid"] ?? data["group_id"]),
        "C2C_MESSAGE_CREATE" => Target(MessageScene.C2C, data["author"]?["user_openid"] ?? data["author"]?["id"]),
        "AT_MESSAGE_CREATE" or "MESSAGE_CREATE" => Target(MessageScene.Channel, data["channel_id"]),
        "DIRECT_MESSAGE_CREATE" => Target(MessageScene.Direct, data["guild_id"]),
        _ => null,
    };

    /// <summary>The target an event's envelope id may be replied to at, or null when the event allows no event_id reply.</summary>
    public static ReplyTarget? EventReplyTarget(string type, JObject data) => type switch
    {
        "INTERACTION_CREATE" => InteractionTarget(data),
        "GROUP_ADD_ROBOT" or "GROUP_MSG_RECEIVE" => Target(MessageScene.Group, data["group_openid"]),
        "C2C_MSG_RECEIVE" or "FRIEND_ADD" => Target(MessageScene.C2C, data["openid"]),
        "GUILD_MEMBER_ADD" or "GUILD_MEMBER_UPDATE" or "GUILD_MEMBER_REMOVE" => new ReplyTarget(MessageScene.Channel, null),
        "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE" => Target(MessageScene.Channel, data["channel_id"]),
        _ when type.StartsWith("FORUM_", StringComparison.Ordinal) || type.StartsWith("OPEN_FORUM_", StringComparison.Ordinal) =>
            new ReplyTarget(MessageScene.Channel, SimulatorJson.StringOf(data["channel_id"])),
        _ => null,
    };

    private static ReplyTarget? InteractionTarget(JObject data)
    {
        if (SimulatorJson.StringOf(data["group_openid"]) is { Length: > 0 } group)
        {
            return new ReplyTarget(MessageScene.Group, group);
        }

        return SimulatorJson.StringOf(data["user_openid"]) is { Length: > 0 } user ? new ReplyTarget(MessageScene.C2C, user) : null;
    }

    private static ReplyTarget? Target(MessageScene scene, JToken? id) =>
        SimulatorJson.StringOf(id) is { Length: > 0 } targetId ? new ReplyTarget(scene, targetId) : null;
}
