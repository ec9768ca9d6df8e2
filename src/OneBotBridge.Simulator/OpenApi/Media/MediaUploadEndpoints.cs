using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;
using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Media;

/// <summary><c>POST /v2/groups/{id}/files</c> and <c>/v2/users/{id}/files</c>: a URL or base64 data in, a file_info out.</summary>
internal sealed class MediaUploadEndpoints(MediaStore media)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var route in new[] { SceneRoute.Group, SceneRoute.C2C })
        {
            routes.MapPost(route.Prefix + "/files", context => UploadAsync(context, route));
        }
    }

    private async Task UploadAsync(HttpContext context, SceneRoute route)
    {
        var body = SimulatorJson.TryParse(await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted));
        if (Check(body) is { } error)
        {
            await OpenApiResponses.WriteErrorAsync(context, error);
            return;
        }

        var issued = media.Issue(route.Scene);
        await OpenApiResponses.WriteOkAsync(context, new JObject
        {
            ["file_uuid"] = issued.FileUuid,
            ["file_info"] = issued.FileInfo,
            ["ttl"] = (long)MediaStore.Ttl.TotalSeconds,
        });
    }

    private static ApiError? Check(JToken? body)
    {
        if (body is not JObject fields)
        {
            return ApiErrors.InvalidRequest("the body must be a JSON object");
        }

        if (fields["file_type"] is not JValue { Value: long fileType } || fileType is < 1 or > 4)
        {
            return ApiErrors.InvalidRequest("file_type must be 1 (image), 2 (video), 3 (voice) or 4 (file)");
        }

        if (fields["srv_send_msg"] is JValue { Value: true })
        {
            return ApiErrors.ActiveSendRefused;
        }

        var url = SimulatorJson.StringOf(fields["url"]);
        var data = SimulatorJson.StringOf(fields["file_data"]);
        return (string.IsNullOrEmpty(url), string.IsNullOrEmpty(data)) switch
        {
            (false, true) => IsHttpUrl(url!) ? null : ApiErrors.InvalidRequest("url must be an absolute http or https URL"),
            (true, false) => IsBase64(data!) ? null : ApiErrors.InvalidRequest("file_data must be base64"),
            _ => ApiErrors.InvalidRequest("give exactly one of url and file_data"),
        };
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsBase64(string data) =>
        Convert.TryFromBase64String(data, new byte[data.Length], out var written) && written > 0;
}
