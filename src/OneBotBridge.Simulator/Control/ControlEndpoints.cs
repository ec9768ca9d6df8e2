using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.Control;

/// <summary>
/// <c>/_sim/...</c>: the fault and observation methods of <see cref="QQSimulator"/> over HTTP,
/// for the standalone simulator. Not authenticated, not recorded.
/// </summary>
internal sealed class ControlEndpoints(QQSimulator simulator)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup(RouteKinds.ControlPrefix);
        control.MapPost("/drop", context => RunAsync(context, simulator.DropConnectionsAsync(context.RequestAborted)));
        control.MapPost("/close", CloseAsync);
        control.MapPost("/reconnect", context => RunAsync(context, simulator.SendReconnectAsync(context.RequestAborted)));
        control.MapPost("/invalid-session", context => RunAsync(context, simulator.SendInvalidSessionAsync(context.RequestAborted)));
        control.MapPost("/acks", SetAcksAsync);
        control.MapPost("/fail", FailAsync);
        control.MapPost("/respond", RespondAsync);
        control.MapPost("/expire-tokens", context =>
        {
            simulator.ExpireTokensNow();
            return RunAsync(context, Task.CompletedTask);
        });
        control.MapPost("/dispatch", DispatchAsync);
        control.MapGet("/requests", context => HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JArray(simulator.Requests.Select(ToJson))));
        control.MapGet("/frames", context => HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JArray(simulator.ReceivedGatewayFrames)));
        control.MapGet("/counters", context => HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JObject
        {
            ["connections"] = simulator.Counters.Connections,
            ["active_connections"] = simulator.ActiveConnections,
            ["identifies"] = simulator.Counters.Identifies,
            ["resumes"] = simulator.Counters.Resumes,
            ["heartbeats_acked"] = simulator.Counters.HeartbeatsAcked,
            ["readies"] = simulator.Counters.Readies,
        }));
    }

    private Task CloseAsync(HttpContext context)
    {
        if (!TryQueryInt(context, "code", out var code) || code is < 1000 or > 4999)
        {
            return BadRequestAsync(context, "code must be a close code between 1000 and 4999");
        }

        var reason = context.Request.Query["reason"].ToString();
        return RunAsync(context, simulator.CloseConnectionsAsync(code, reason, context.RequestAborted));
    }

    private Task SetAcksAsync(HttpContext context)
    {
        if (!bool.TryParse(context.Request.Query["enabled"], out var enabled))
        {
            return BadRequestAsync(context, "enabled must be true or false");
        }

        simulator.HeartbeatAcksEnabled = enabled;
        return RunAsync(context, Task.CompletedTask);
    }

    private Task FailAsync(HttpContext context)
    {
        if (!TryQueryInt(context, "count", out var count) || count < 0)
        {
            return BadRequestAsync(context, "count must be a non-negative integer");
        }

        if (!TryQueryInt(context, "status", out var status) || status is < 100 or > 599)
        {
            return BadRequestAsync(context, "status must be an HTTP status");
        }

        TimeSpan? retryAfter = null;
        if (context.Request.Query.ContainsKey("retryAfter"))
        {
            if (!TryQueryInt(context, "retryAfter", out var seconds) || seconds < 0)
            {
                return BadRequestAsync(context, "retryAfter must be a non-negative number of seconds");
            }

            retryAfter = TimeSpan.FromSeconds(seconds);
        }

        simulator.FailNextApiCalls(count, status, retryAfter);
        return RunAsync(context, Task.CompletedTask);
    }

    private async Task RespondAsync(HttpContext context)
    {
        var method = context.Request.Query["method"].ToString();
        var path = context.Request.Query["path"].ToString();
        if (method.Length == 0 || !path.StartsWith('/') || !TryQueryInt(context, "status", out var status) || status is < 100 or > 599)
        {
            await BadRequestAsync(context, "give method, path (starting with /) and status; the body is the canned answer");
            return;
        }

        simulator.RespondNext(method, path, status, await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var body = SimulatorJson.TryParse(await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted)) as JObject;
        var type = body is null ? null : SimulatorJson.StringOf(body["t"]);
        var data = body?["d"];
        if (string.IsNullOrEmpty(type) || data is null)
        {
            await BadRequestAsync(context, "the body must be {\"t\": type, \"d\": payload, \"id\"?: event id, \"shard\"?: index}");
            return;
        }

        var shard = body!["shard"] switch
        {
            null or { Type: JTokenType.Null } => 0L,
            JValue { Value: long value } => value,
            _ => -1L,
        };
        if (shard < 0 || shard >= simulator.Options.RecommendedShards)
        {
            await BadRequestAsync(context, $"shard must be an index below {simulator.Options.RecommendedShards}");
            return;
        }

        var envelope = await simulator.PushDispatchAsync(type, data, SimulatorJson.StringOf(body["id"]), (int)shard, context.RequestAborted);
        await HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, envelope);
    }

    private static JObject ToJson(RecordedRequest request) => new()
    {
        ["method"] = request.Method,
        ["path"] = request.Path,
        ["query"] = request.Query,
        ["headers"] = JObject.FromObject(request.Headers),
        ["body"] = request.Body,
        ["response_status"] = request.ResponseStatus,
        ["response_body"] = request.ResponseBody,
        ["at"] = SimulatorJson.Timestamp(request.At),
    };

    private static async Task RunAsync(HttpContext context, Task action)
    {
        await action;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static bool TryQueryInt(HttpContext context, string name, out int value) =>
        int.TryParse(context.Request.Query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static Task BadRequestAsync(HttpContext context, string message) =>
        HttpBodies.WriteJsonAsync(context, StatusCodes.Status400BadRequest, new JObject { ["message"] = message });
}
