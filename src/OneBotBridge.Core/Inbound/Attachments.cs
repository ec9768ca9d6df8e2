using System.Text.Json;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Inbound;

/// <summary>QQ message attachments as OneBot media segments, told apart by <c>content_type</c>.</summary>
internal static class Attachments
{
    public static IEnumerable<Segment> ToSegments(JsonElement message)
    {
        foreach (var attachment in message.Objects("attachments"))
        {
            if (Url(attachment) is not { } url)
            {
                continue;
            }

            var filename = attachment.Text("filename");
            var name = filename is { Length: > 0 } ? filename : url;
            var contentType = (attachment.Text("content_type") ?? "").ToLowerInvariant();
            yield return contentType switch
            {
                _ when contentType.StartsWith("image", StringComparison.Ordinal) => new ImageSegment(name) { Url = url },
                _ when contentType.StartsWith("video", StringComparison.Ordinal) => new VideoSegment(name) { Url = url },
                _ when contentType == "voice" || contentType.StartsWith("audio", StringComparison.Ordinal) => new RecordSegment(name) { Url = url },
                _ => new FileSegment(name) { Url = url, Name = filename },
            };
        }
    }

    /// <summary>Guild attachment urls may come without a scheme.</summary>
    private static string? Url(JsonElement attachment) => attachment.Text("url") switch
    {
        null or "" => null,
        var url when url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) => url,
        var url when url.StartsWith("//", StringComparison.Ordinal) => "https:" + url,
        var url => "https://" + url,
    };
}
