using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.OpenApi;

/// <summary><c>GET /users/@me</c>: the bot's own user.</summary>
internal sealed class BotUserEndpoint(string appId, string botUserId, string botUsername)
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/users/@me", context => OpenApiResponses.WriteOkAsync(context, new JObject
        {
            ["id"] = botUserId,
            ["username"] = botUsername,
            ["avatar"] = $"https://q.qlogo.cn/qqapp/{appId}/{botUserId}/640",
            ["union_openid"] = "",
            ["union_user_account"] = "",
        }));
}
