using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary>
/// <c>send_msg{message_type?, group_id?, user_id?, message, auto_escape}</c>: a group send when
/// <c>message_type</c> says so or only a group id is given. NoneBot passes both ids: the user id then
/// picks that user's message to reply to.
/// </summary>
[OneBotAction("send_msg")]
internal sealed class SendMsgHandler(TargetResolver targets, MessageSender sender) : IOneBotActionHandler
{
    public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Params;
        var groupId = parameters.GetOptionalInt64("group_id");
        var userId = parameters.GetOptionalInt64("user_id");
        var isGroup = parameters.GetOptionalString("message_type") switch
        {
            "group" => true,
            "private" => false,
            null => groupId is not null,
            var other => throw ActionFailedException.BadParam("message_type", $"must be \"group\" or \"private\", got \"{other}\""),
        };
        var target = isGroup
            ? targets.Group(groupId ?? throw ActionFailedException.BadParam("group_id", "is required for a group message"))
            : targets.Private(userId ?? throw ActionFailedException.BadParam("user_id", "is required for a private message"));
        var message = parameters.GetMessage();
        return MessageResponse.Of(await sender.SendAsync(target, message, userId, cancellationToken).ConfigureAwait(false));
    }
}
