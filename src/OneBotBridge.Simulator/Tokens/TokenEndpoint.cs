using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;

namespace OneBotBridge.Simulator.Tokens;

/// <summary><c>POST /app/getAppAccessToken {appId, clientSecret}</c> → <c>{access_token, expires_in:"7200"}</c>.</summary>
internal sealed class TokenEndpoint(string appId, string clientSecret, AccessTokenIssuer issuer, TimeProvider time)
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapPost(RouteKinds.TokenPath, HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var body = SimulatorJson.TryParse(await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted)) as JObject;
        if (body is null)
        {
            await WriteFailureAsync(context, StatusCodes.Status400BadRequest, 100007, "the body must be a JSON object {\"appId\",\"clientSecret\"}");
            return;
        }

        var givenAppId = SimulatorJson.StringOf(body["appId"]);
        var givenSecret = SimulatorJson.StringOf(body["clientSecret"]);
        if (string.IsNullOrEmpty(givenAppId) || string.IsNullOrEmpty(givenSecret))
        {
            await WriteFailureAsync(context, StatusCodes.Status400BadRequest, 100007, "appId and clientSecret are required");
            return;
        }

        if (givenAppId != appId || givenSecret != clientSecret)
        {
            await WriteFailureAsync(context, StatusCodes.Status401Unauthorized, 100016, "invalid appid or secret");
            return;
        }

        var token = issuer.GetOrIssue();
        // Rounded up: a token issued a few microseconds ago still reports its whole TTL.
        var secondsLeft = (long)Math.Ceiling((token.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        await HttpBodies.WriteJsonAsync(context, StatusCodes.Status200OK, new JObject
        {
            ["access_token"] = token.Value,
            ["expires_in"] = secondsLeft.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static Task WriteFailureAsync(HttpContext context, int status, long code, string message) =>
        HttpBodies.WriteJsonAsync(context, status, new JObject { ["code"] = code, ["message"] = message });
}
