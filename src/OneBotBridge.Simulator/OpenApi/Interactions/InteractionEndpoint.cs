using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.OpenApi.Interactions;

/// <summary><c>PUT /interactions/{id}</c> with <c>{"code":0..5}</c>: answered 204 with no body, as the platform does.</summary>
internal sealed class InteractionEndpoint(InteractionRegistry interactions)
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapPut("/interactions/{interaction_id}", AcknowledgeAsync);

    private async Task AcknowledgeAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["interaction_id"] as string ?? "";
        var body = SimulatorJson.TryParse(await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted));
        if (body is not JObject { } fields || fields["code"] is not JValue { Value: long code } || code is < 0 or > 5)
        {
            await OpenApiResponses.WriteErrorAsync(context, ApiErrors.InvalidRequest("the body must be {\"code\": 0..5}"));
            return;
        }

        if (!interactions.WasDelivered(id))
        {
            await OpenApiResponses.WriteErrorAsync(context, ApiErrors.InteractionUnknown(id));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
