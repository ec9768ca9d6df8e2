using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace OneBotBridge.Simulator.OpenApi;

/// <summary>A path nobody serves gets a §7 error body naming it, not an empty 404.</summary>
internal static class UnknownEndpointFallback
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapFallback(context => OpenApiResponses.WriteErrorAsync(
            context,
            ApiErrors.NoSuchEndpoint(context.Request.Method, context.Request.Path.Value ?? "")));
}
