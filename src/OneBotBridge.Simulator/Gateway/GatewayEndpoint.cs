using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>Maps <c>/websocket</c> (routing also matches it with a trailing slash) to the gateway.</summary>
internal static class GatewayEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, GatewayServer gateway) =>
        routes.Map(RouteKinds.GatewayPath, gateway.RunConnectionAsync);
}
