using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_group_list</c>: the QQ groups and guild channels the bot has seen traffic in.</summary>
[OneBotAction("get_group_list")]
internal sealed class GetGroupListHandler(ChatRoster roster) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var groups = roster.Chats(Scene.Group).Concat(roster.Chats(Scene.GuildChannel))
            .Select(chat => RosterInfo.Group(chat, roster.MembersOf(chat.Target).Count));
        return Task.FromResult<JToken?>(new JArray(groups));
    }
}
