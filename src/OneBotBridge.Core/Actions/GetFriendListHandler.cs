using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_friend_list</c>: the users the bot has had a C2C chat or guild direct messages with.</summary>
[OneBotAction("get_friend_list")]
internal sealed class GetFriendListHandler(ChatRoster roster) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var friends = roster.Chats(Scene.C2C).Concat(roster.Chats(Scene.GuildDirect))
            .Select(chat => chat.Target.Number)
            .Distinct()
            .Select(userId => RosterInfo.Friend(userId, roster.FindUser(userId)));
        return Task.FromResult<JToken?>(new JArray(friends));
    }
}
