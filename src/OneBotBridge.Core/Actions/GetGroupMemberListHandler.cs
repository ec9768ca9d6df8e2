using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_group_member_list{group_id}</c>: the members seen speaking in that group.</summary>
[OneBotAction("get_group_member_list")]
internal sealed class GetGroupMemberListHandler(TargetResolver targets, ChatRoster roster) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var target = targets.Group(context.Params.GetInt64("group_id"));
        return Task.FromResult<JToken?>(new JArray(roster.MembersOf(target).Select(member => RosterInfo.Member(target, member))));
    }
}
