using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Actions.BuiltIn;

/// <summary><c>get_login_info</c> → <c>{user_id, nickname}</c>. Koishi calls it on connect and goes offline if it fails.</summary>
[OneBotAction("get_login_info")]
internal sealed class GetLoginInfoHandler(BotState state) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JToken?>(new JObject
        {
            ["user_id"] = state.SelfId,
            ["nickname"] = state.Nickname,
        });
}
