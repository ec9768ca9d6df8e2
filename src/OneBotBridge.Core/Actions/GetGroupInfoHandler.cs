using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_group_info{group_id}</c>: a QQ group or guild channel as seen, member count being the members seen.</summary>
[OneBotAction("get_group_info")]
internal sealed class GetGroupInfoHandler(TargetResolver targets, ChatRoster roster) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var groupId = context.Params.GetInt64("group_id");
        var target = targets.Group(groupId);
        var chat = roster.FindChat(target) ?? throw RosterInfo.NotSeen($"group {groupId}");
        return Task.FromResult<JToken?>(RosterInfo.Group(chat, roster.MembersOf(target).Count));
    }
}
