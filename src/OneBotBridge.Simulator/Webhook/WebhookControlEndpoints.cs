using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.Webhook;

/// <summary>
/// <c>/_sim/webhook/...</c>: webhook mode over HTTP, for the standalone simulator. <c>POST url?url=U</c>
/// switches to webhook delivery to U (no <c>url</c>: back to the gateway); <c>validate</c> sends op 13;
/// <c>forged</c>, <c>stale?age_seconds=N</c> and <c>unsigned</c> send a <c>{"t","d","id"?}</c> body the bot
/// must refuse; <c>replay?id=E</c> resends what was delivered for event E; <c>GET counters</c>.
/// </summary>
internal sealed class WebhookControlEndpoints(WebhookPusher webhook)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup(RouteKinds.ControlPrefix + "/webhook");
        control.MapPost("/url", SetUrlAsync);
        control.MapPost("/validate", ValidateAsync);
        control.MapPost("/forged", ForgedAsync);
        control.MapPost("/unsigned", UnsignedAsync);
        control.MapPost("/stale", StaleAsync);
        control.MapPost("/replay", ReplayAsync);
        control.MapGet("/counters", context => HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JObject
        {
            ["url"] = webhook.Url?.ToString(),
            ["backlog"] = webhook.Backlog,
            ["attempts"] = webhook.Counters.Attempts,
            ["delivered"] = webhook.Counters.Delivered,
            ["retries"] = webhook.Counters.Retries,
            ["gave_up"] = webhook.Counters.GaveUp,
            ["validations"] = webhook.Counters.Validations,
            ["validation_failures"] = webhook.Counters.ValidationFailures,
        }));
    }

    private Task SetUrlAsync(HttpContext context)
    {
        var text = context.Request.Query["url"].ToString();
        if (text.Length == 0)
        {
            webhook.Url = null;
        }
        else if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            webhook.Url = url;
        }
        else
        {
            return BadRequestAsync(context, "url must be an absolute http(s) URL, or absent to deliver on the gateway again");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private async Task ValidateAsync(HttpContext context)
    {
        if (!webhook.IsEnabled)
        {
            await NoUrlAsync(context);
            return;
        }

        var result = await webhook.SendValidationAsync(context.RequestAborted);
        await HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JObject
        {
            ["passed"] = result.Passed,
            ["status"] = result.Status,
            ["problem"] = result.Problem,
        });
    }

    private Task ForgedAsync(HttpContext context) => SendFakeAsync(context, webhook.SendForgedAsync);

    private Task UnsignedAsync(HttpContext context) => SendFakeAsync(context, webhook.SendUnsignedAsync);

    private Task StaleAsync(HttpContext context)
    {
        if (!int.TryParse(context.Request.Query["age_seconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            return BadRequestAsync(context, "age_seconds must be a non-negative number of seconds");
        }

        return SendFakeAsync(context, (type, data, id, ct) => webhook.SendStaleAsync(type, data, TimeSpan.FromSeconds(seconds), id, ct));
    }

    private async Task ReplayAsync(HttpContext context)
    {
        var eventId = context.Request.Query["id"].ToString();
        if (eventId.Length == 0)
        {
            await BadRequestAsync(context, "give the id of a delivered event");
            return;
        }

        if (!webhook.IsEnabled)
        {
            await NoUrlAsync(context);
            return;
        }

        try
        {
            await WriteAnswerAsync(context, await webhook.ReplayAsync(eventId, context.RequestAborted));
        }
        catch (KeyNotFoundException ex)
        {
            await HttpBodies.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JObject { ["message"] = ex.Message });
        }
    }

    private async Task SendFakeAsync(HttpContext context, Func<string, JToken, string?, CancellationToken, Task<WebhookAnswer>> send)
    {
        var body = SimulatorJson.TryParse(await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted)) as JObject;
        var type = body is null ? null : SimulatorJson.StringOf(body["t"]);
        var data = body?["d"];
        if (string.IsNullOrEmpty(type) || data is null)
        {
            await BadRequestAsync(context, "the body must be {\"t\": type, \"d\": payload, \"id\"?: event id}");
            return;
        }

        if (!webhook.IsEnabled)
        {
            await NoUrlAsync(context);
            return;
        }

        await WriteAnswerAsync(context, await send(type, data, SimulatorJson.StringOf(body!["id"]), context.RequestAborted));
    }

    /// <summary>What the bot answered, e.g. <c>{"status":401,"body":"..."}</c>.</summary>
    private static Task WriteAnswerAsync(HttpContext context, WebhookAnswer answer) =>
        HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JObject { ["status"] = answer.Status, ["body"] = answer.Body });

    private static Task NoUrlAsync(HttpContext context) =>
        HttpBodies.WriteJsonAsync(context, StatusCodes.Status409Conflict, new JObject { ["message"] = "no webhook URL is set: POST /_sim/webhook/url?url=... first" });

    private static Task BadRequestAsync(HttpContext context, string message) =>
        HttpBodies.WriteJsonAsync(context, StatusCodes.Status400BadRequest, new JObject { ["message"] = message });
}
