using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_stranger_info{user_id}</c> → <c>{user_id, nickname, sex, age}</c> as last seen.</summary>
[OneBotAction("get_stranger_info")]
internal sealed class GetStrangerInfoHandler(ChatRoster roster) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var userId = context.Params.GetInt64("user_id");
        var user = roster.FindUser(userId) ?? throw RosterInfo.NotSeen($"user {userId}");
        return Task.FromResult<JToken?>(RosterInfo.User(user));
    }
}
