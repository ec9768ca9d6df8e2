using Microsoft.AspNetCore.Http;

namespace OneBotBridge.Simulator.Http;

/// <summary>Which part of the simulated platform a path belongs to.</summary>
internal enum RouteKind
{
    TokenEndpoint,
    OpenApi,
    Gateway,
    Control,
}

internal static class RouteKinds
{
    public const string TokenPath = "/app/getAppAccessToken";
    public const string GatewayPath = "/websocket";
    public const string ControlPrefix = "/_sim";

    public static RouteKind Of(PathString path)
    {
        if (path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            return RouteKind.TokenEndpoint;
        }

        if (path.StartsWithSegments(GatewayPath, StringComparison.OrdinalIgnoreCase))
        {
            return RouteKind.Gateway;
        }

        return path.StartsWithSegments(ControlPrefix, StringComparison.OrdinalIgnoreCase) ? RouteKind.Control : RouteKind.OpenApi;
    }

    /// <summary>Token endpoint and OpenAPI requests are recorded; gateway upgrades and control calls are not.</summary>
    public static bool IsRecorded(RouteKind kind) => kind is RouteKind.TokenEndpoint or RouteKind.OpenApi;
}
