using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>send_private_msg{user_id, message, auto_escape}</c>: a C2C chat, or a guild direct message for guild users.</summary>
[OneBotAction("send_private_msg")]
internal sealed class SendPrivateMsgHandler(TargetResolver targets, MessageSender sender) : IOneBotActionHandler
{
    public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var user = context.Params.GetInt64("user_id");
        var message = context.Params.GetMessage();
        return MessageResponse.Of(await sender.SendAsync(targets.Private(user), message, user, cancellationToken).ConfigureAwait(false));
    }
}
