using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Outbound;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Actions;

/// <summary>
/// <c>.handle_quick_operation{context, operation}</c>: the answer to a message event. <c>reply</c> (with
/// <c>auto_escape</c>, and <c>at_sender</c>, default false) is sent to the event's conversation as a passive
/// reply to the event's message (else its sender's newest); <c>delete</c> recalls the event's message. <c>kick</c>, <c>ban</c> and request
/// <c>approve</c> have no counterpart in the official API and fail.
/// </summary>
[OneBotAction(".handle_quick_operation")]
internal sealed class QuickOperationHandler(TargetResolver targets, MessageSender sender, MessageRecaller recaller) : IOneBotActionHandler
{
    public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var evt = new ActionParams(context.Params.GetToken("context") as JObject
            ?? throw ActionFailedException.BadParam("context", "must be the event object"));
        var operation = new ActionParams(context.Params.GetToken("operation") as JObject
            ?? throw ActionFailedException.BadParam("operation", "must be an object"));
        foreach (var unsupported in new[] { "kick", "ban" })
        {
            if (operation.GetBoolean(unsupported, defaultValue: false))
            {
                throw UnsupportedActionHandler.NoSuchOperation($"{context.Action} {unsupported}");
            }
        }

        if (operation.Contains("approve"))
        {
            throw UnsupportedActionHandler.NoSuchOperation($"{context.Action} approve");
        }

        if (operation.Contains("reply"))
        {
            await ReplyAsync(evt, operation, cancellationToken).ConfigureAwait(false);
        }

        if (operation.GetBoolean("delete", defaultValue: false))
        {
            await recaller.RecallAsync(evt.GetInt32("message_id"), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async Task ReplyAsync(ActionParams evt, ActionParams operation, CancellationToken cancellationToken)
    {
        var userId = evt.GetOptionalInt64("user_id");
        var isGroup = evt.GetOptionalString("message_type") == "group";
        var target = isGroup
            ? targets.Group(evt.GetInt64("group_id"))
            : targets.Private(userId ?? throw ActionFailedException.BadParam("context.user_id", "is required for a private message"));
        var reply = operation.GetMessage("reply", "auto_escape");
        if (isGroup && userId is { } author && operation.GetBoolean("at_sender", defaultValue: false))
        {
            reply = new Message([new AtSegment(author), new TextSegment(" "), .. reply]);
        }

        await sender.SendAsync(target, reply, userId, evt.GetOptionalInt32("message_id"), cancellationToken).ConfigureAwait(false);
    }
}
