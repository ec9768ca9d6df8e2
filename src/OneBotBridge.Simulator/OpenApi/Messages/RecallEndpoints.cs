using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary><c>DELETE {scene}/messages/{message_id}</c> for the four scenes.</summary>
internal sealed class RecallEndpoints(SentMessageLog sent, ReplyLedger ledger)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var route in SceneRoute.All)
        {
            routes.MapDelete(route.Prefix + "/messages/{message_id}", context => RecallAsync(context, route));
        }
    }

    private Task RecallAsync(HttpContext context, SceneRoute route)
    {
        var targetId = route.TargetOf(context);
        var messageId = context.Request.RouteValues["message_id"] as string ?? "";
        var receivedAtTarget = ledger.IsReceivedMessage(route.Scene, targetId, messageId);
        return sent.Recall(route.Scene, targetId, messageId, receivedAtTarget) is { } refused
            ? OpenApiResponses.WriteErrorAsync(context, refused)
            : OpenApiResponses.WriteOkAsync(context, new JObject());
    }
}
