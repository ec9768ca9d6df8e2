using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary>
/// The info objects of OneBot built from <see cref="ChatRoster"/>: the official API cannot list groups,
/// friends or members, so these hold only what the bridge has seen, and say so with <c>"seen_only": true</c>.
/// </summary>
internal static class RosterInfo
{
    public static JObject User(SeenMember user) => new()
    {
        ["user_id"] = user.UserId,
        ["nickname"] = user.Nickname,
        ["sex"] = "unknown",
        ["age"] = 0,
        ["seen_only"] = true,
    };

    public static JObject Friend(long userId, SeenMember? user) => new()
    {
        ["user_id"] = userId,
        ["nickname"] = user?.Nickname ?? "",
        ["remark"] = "",
        ["seen_only"] = true,
    };

    public static JObject Group(SeenChat chat, int memberCount) => new()
    {
        ["group_id"] = chat.Target.Number,
        ["group_name"] = chat.Name,
        ["member_count"] = memberCount,
        ["max_member_count"] = 0,
        ["seen_only"] = true,
    };

    public static JObject Member(ChatTarget group, SeenMember member) => new()
    {
        ["group_id"] = group.Number,
        ["user_id"] = member.UserId,
        ["nickname"] = member.Nickname,
        ["card"] = member.Card,
        ["sex"] = "unknown",
        ["age"] = 0,
        ["area"] = "",
        ["join_time"] = member.FirstSeen.ToUnixTimeSeconds(),
        ["last_sent_time"] = member.LastSeen.ToUnixTimeSeconds(),
        ["level"] = "",
        ["role"] = member.Role.Length > 0 ? member.Role : "member",
        ["unfriendly"] = false,
        ["title"] = "",
        ["title_expire_time"] = 0,
        ["card_changeable"] = false,
        ["seen_only"] = true,
    };

    public static ActionFailedException NotSeen(string what) =>
        new(Retcode.BadRequest, $"{what} has not been seen by the bridge (the QQ official bot API cannot look it up)");
}
