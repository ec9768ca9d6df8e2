using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Gateway;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.OpenApi;

/// <summary><c>GET /gateway</c> and <c>GET /gateway/bot</c>: where the gateway is, and how many sessions may start.</summary>
internal sealed class GatewayInfoEndpoints(int recommendedShards, SessionStartLimit startLimit)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/gateway", context => OpenApiResponses.WriteOkAsync(context, new JObject { ["url"] = GatewayUrlOf(context.Request) }));
        routes.MapGet("/gateway/bot", context => OpenApiResponses.WriteOkAsync(context, new JObject
        {
            ["url"] = GatewayUrlOf(context.Request),
            ["shards"] = recommendedShards,
            ["session_start_limit"] = startLimit.ToJson(),
        }));
    }

    private static string GatewayUrlOf(HttpRequest request) => $"ws://{request.Host}{RouteKinds.GatewayPath}";
}
