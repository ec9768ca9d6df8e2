using Microsoft.AspNetCore.Http;

namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>The path prefix of a scene and the route value naming its target.</summary>
internal sealed record SceneRoute(MessageScene Scene, string Prefix, string TargetParameter)
{
    public static readonly SceneRoute Group = new(MessageScene.Group, "/v2/groups/{group_openid}", "group_openid");
    public static readonly SceneRoute C2C = new(MessageScene.C2C, "/v2/users/{openid}", "openid");
    public static readonly SceneRoute Channel = new(MessageScene.Channel, "/channels/{channel_id}", "channel_id");
    public static readonly SceneRoute Direct = new(MessageScene.Direct, "/dms/{guild_id}", "guild_id");

    public static IReadOnlyList<SceneRoute> All { get; } = [Group, C2C, Channel, Direct];

    public string TargetOf(HttpContext context) => context.Request.RouteValues[TargetParameter] as string ?? "";
}
