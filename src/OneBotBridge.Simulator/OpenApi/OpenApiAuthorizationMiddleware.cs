using Microsoft.AspNetCore.Http;
using OneBotBridge.Simulator.Http;
using OneBotBridge.Simulator.Tokens;

namespace OneBotBridge.Simulator.OpenApi;

/// <summary>Lets an OpenAPI call through only with <c>Authorization: QQBot {token}</c> and the right <c>X-Union-Appid</c>.</summary>
internal sealed class OpenApiAuthorizationMiddleware(string appId, AccessTokenIssuer tokens)
{
    private const string Scheme = "QQBot ";
    private const string LegacyScheme = "Bot ";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (RouteKinds.Of(context.Request.Path) != RouteKind.OpenApi)
        {
            await next(context);
            return;
        }

        if (Check(context.Request) is { } refusal)
        {
            await OpenApiResponses.WriteErrorAsync(context, refusal);
            return;
        }

        await next(context);
    }

    private ApiError? Check(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(LegacyScheme, StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.LegacyBotToken;
        }

        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal) || authorization.Length == Scheme.Length)
        {
            return ApiErrors.TokenMissing;
        }

        if (!tokens.IsValid(authorization[Scheme.Length..]))
        {
            return ApiErrors.TokenExpired;
        }

        var unionAppId = request.Headers["X-Union-Appid"].ToString();
        if (unionAppId.Length == 0)
        {
            return ApiErrors.AppIdMissing;
        }

        return unionAppId == appId ? null : ApiErrors.AppIdWrong;
    }
}
