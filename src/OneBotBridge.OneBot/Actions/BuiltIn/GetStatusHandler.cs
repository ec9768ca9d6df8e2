using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Actions.BuiltIn;

/// <summary><c>get_status</c> → <c>{online, good, stat}</c>, the same status heartbeats carry.</summary>
[OneBotAction("get_status")]
internal sealed class GetStatusHandler(BotState state) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JToken?>(new JObject
        {
            ["online"] = state.Online,
            ["good"] = state.Good,
            ["stat"] = new JObject(),
        });
}
