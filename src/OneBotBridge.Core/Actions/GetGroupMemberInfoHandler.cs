using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_group_member_info{group_id, user_id}</c>: a member as last seen speaking in that group.</summary>
[OneBotAction("get_group_member_info")]
internal sealed class GetGroupMemberInfoHandler(TargetResolver targets, ChatRoster roster) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var groupId = context.Params.GetInt64("group_id");
        var userId = context.Params.GetInt64("user_id");
        var target = targets.Group(groupId);
        var member = roster.FindMember(target, userId) ?? throw RosterInfo.NotSeen($"user {userId} in group {groupId}");
        return Task.FromResult<JToken?>(RosterInfo.Member(target, member));
    }
}
