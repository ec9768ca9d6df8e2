using System.Globalization;
using Microsoft.AspNetCore.Http;
using OneBotBridge.Simulator.OpenApi;

namespace OneBotBridge.Simulator.Http;

/// <summary>Answers with a scripted response or an injected failure instead of the real handler.</summary>
internal sealed class ResponseOverrideMiddleware(ResponseOverrides overrides)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var kind = RouteKinds.Of(context.Request.Path);
        if (!RouteKinds.IsRecorded(kind))
        {
            await next(context);
            return;
        }

        if (overrides.TakeCanned(context.Request.Method, context.Request.Path.Value ?? "") is { } canned)
        {
            await HttpBodies.WriteRawAsync(context, canned.Status, canned.Body);
            return;
        }

        if (kind == RouteKind.OpenApi && overrides.TakeFailure() is { } failure)
        {
            if (failure.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await OpenApiResponses.WriteErrorAsync(context, new ApiError(failure.Status, failure.Status, "simulated failure"));
            return;
        }

        await next(context);
    }
}
