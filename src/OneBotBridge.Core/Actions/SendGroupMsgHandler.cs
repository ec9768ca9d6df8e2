using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>send_group_msg{group_id, message, auto_escape}</c> to a QQ group or guild channel.</summary>
[OneBotAction("send_group_msg")]
internal sealed class SendGroupMsgHandler(TargetResolver targets, MessageSender sender) : IOneBotActionHandler
{
    public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var target = targets.Group(context.Params.GetInt64("group_id"));
        var message = context.Params.GetMessage();
        return MessageResponse.Of(await sender.SendAsync(target, message, context.Params.GetOptionalInt64("user_id"), cancellationToken).ConfigureAwait(false));
    }
}
