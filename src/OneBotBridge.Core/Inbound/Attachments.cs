using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Inbound;

/// <summary>QQ message attachments as OneBot media segments, told apart by <c>content_type</c>.</summary>
internal static class Attachments
{
    public static IEnumerable<Segment> ToSegments(JToken? attachments)
    {
        if (attachments is not JArray list)
        {
            yield break;
        }

        foreach (var attachment in list.OfType<JObject>())
        {
            if (Url(attachment) is not { } url)
            {
                continue;
            }

            var name = (string?)attachment["filename"] is { Length: > 0 } filename ? filename : url;
            var contentType = ((string?)attachment["content_type"] ?? "").ToLowerInvariant();
            yield return contentType switch
            {
                _ when contentType.StartsWith("image", StringComparison.Ordinal) => new ImageSegment(name) { Url = url },
                _ when contentType.StartsWith("video", StringComparison.Ordinal) => new VideoSegment(name) { Url = url },
                _ when contentType == "voice" || contentType.StartsWith("audio", StringComparison.Ordinal) => new RecordSegment(name) { Url = url },
                _ => new FileSegment(name) { Url = url, Name = (string?)attachment["filename"] },
            };
        }
    }

    /// <summary>Guild attachment urls may come without a scheme.</summary>
    private static string? Url(JObject attachment) => (string?)attachment["url"] switch
    {
        null or "" => null,
        var url when url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) => url,
        var url when url.StartsWith("//", StringComparison.Ordinal) => "https:" + url,
        var url => "https://" + url,
    };
}
