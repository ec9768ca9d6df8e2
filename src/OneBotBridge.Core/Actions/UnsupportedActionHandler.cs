using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary>OneBot actions the QQ official bot API has no counterpart for: each fails, never a fake success.</summary>
[OneBotAction("set_group_kick")]
[OneBotAction("set_group_ban")]
[OneBotAction("set_group_whole_ban")]
[OneBotAction("set_group_admin")]
[OneBotAction("set_group_card")]
[OneBotAction("set_group_name")]
[OneBotAction("set_group_leave")]
[OneBotAction("set_group_special_title")]
[OneBotAction("set_friend_add_request")]
[OneBotAction("set_group_add_request")]
[OneBotAction("set_group_anonymous_ban")]
[OneBotAction("get_group_honor_info")]
[OneBotAction("send_group_forward_msg")]
[OneBotAction("send_private_forward_msg")]
internal sealed class UnsupportedActionHandler : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
        throw NoSuchOperation(context.Action);

    public static ActionFailedException NoSuchOperation(string action) =>
        new(Retcode.NotSupported, $"the QQ official bot API has no such operation: {action}");
}
