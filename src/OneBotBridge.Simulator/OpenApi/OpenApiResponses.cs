using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.OpenApi;

/// <summary>OpenAPI answers: every one carries an <c>X-Tps-trace-ID</c>; errors use the §7 body.</summary>
internal static class OpenApiResponses
{
    public const string TraceHeader = "X-Tps-trace-ID";
    private static readonly object TraceKey = new();

    /// <summary>Gives the request its trace id and puts it on the response headers.</summary>
    public static void AssignTraceId(HttpContext context)
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[TraceKey] = traceId;
        context.Response.Headers[TraceHeader] = traceId;
    }

    public static string TraceIdOf(HttpContext context) =>
        context.Items.TryGetValue(TraceKey, out var value) && value is string traceId ? traceId : "";

    public static Task WriteErrorAsync(HttpContext context, ApiError error) =>
        HttpBodies.WriteJsonAsync(context, error.HttpStatus, new JObject
        {
            ["message"] = error.Message,
            ["code"] = error.Code,
            ["err_code"] = error.Code,
            ["trace_id"] = TraceIdOf(context),
        });

    public static Task WriteOkAsync(HttpContext context, JToken body) =>
        HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, body);
}
