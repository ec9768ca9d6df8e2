using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Actions.BuiltIn;

/// <summary><c>can_send_image</c> / <c>can_send_record</c> → <c>{yes: true}</c>: the bridge uploads both kinds.</summary>
[OneBotAction("can_send_image")]
[OneBotAction("can_send_record")]
internal sealed class CanSendMediaHandler : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JToken?>(new JObject { ["yes"] = true });
}
