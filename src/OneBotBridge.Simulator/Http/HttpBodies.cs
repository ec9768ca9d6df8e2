using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Http;

/// <summary>Reading request bodies (re-readable) and writing JSON answers.</summary>
internal static class HttpBodies
{
    /// <summary>Reads the whole request body as text and rewinds it, so a later reader sees it again.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;
        return text;
    }

    public static Task WriteJsonAsync(HttpContext context, int status, JToken body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(SimulatorJson.Serialize(body), context.RequestAborted);
    }

    /// <summary>Writes a canned body: as JSON when it parses as JSON, else as plain text.</summary>
    public static Task WriteRawAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        if (body.Length == 0)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = SimulatorJson.TryParse(body) is null ? "text/plain; charset=utf-8" : "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
