using System.Text;
using Microsoft.AspNetCore.Http;

namespace OneBotBridge.Simulator.Http;

/// <summary>Records each token/OpenAPI request with the answer it got, failures included.</summary>
internal sealed class RequestRecordingMiddleware(RequestLog log, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!log.IsRecording || !RouteKinds.IsRecorded(RouteKinds.Of(context.Request.Path)))
        {
            await next(context);
            return;
        }

        var at = time.GetUtcNow();
        var requestBody = await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted);
        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            context.Response.Body = originalBody;
            log.Add(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                HeadersOf(context.Request),
                requestBody,
                status,
                Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length),
                at));
        }

        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
    }

    private static Dictionary<string, string> HeadersOf(HttpRequest request) =>
        request.Headers.ToDictionary(
            header => header.Key,
            header => string.Join(", ", header.Value.AsEnumerable()),
            StringComparer.OrdinalIgnoreCase);
}
