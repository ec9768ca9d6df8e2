using Microsoft.AspNetCore.Http;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.OpenApi;

/// <summary>Gives every OpenAPI request its trace id before anything answers it.</summary>
internal static class OpenApiTraceMiddleware
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (RouteKinds.Of(context.Request.Path) == RouteKind.OpenApi)
        {
            OpenApiResponses.AssignTraceId(context);
        }

        return next(context);
    }
}
