using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>delete_msg{message_id}</c>: recalls the message on the platform.</summary>
[OneBotAction("delete_msg")]
internal sealed class DeleteMsgHandler(MessageRecaller recaller) : IOneBotActionHandler
{
    public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        await recaller.RecallAsync(context.Params.GetInt32("message_id"), cancellationToken).ConfigureAwait(false);
        return null;
    }
}
