using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.OpenApi;

/// <summary>The kinds of rich media a group or C2C upload accepts.</summary>
public enum QQFileType
{
    Image = 1,
    Video = 2,
    Voice = 3,
    File = 4,
}

/// <summary>
/// A group/C2C media upload: by URL (the platform fetches it) or by content (sent as base64).
/// <see cref="SendDirectly"/> makes the platform send it as a message at once (<c>srv_send_msg</c>).
/// </summary>
public sealed record QQMediaUpload(QQFileType FileType, string? Url, ReadOnlyMemory<byte>? Content, bool SendDirectly = false)
{
    public static QQMediaUpload FromUrl(QQFileType fileType, string url) => new(fileType, url, null);

    public static QQMediaUpload FromContent(QQFileType fileType, ReadOnlyMemory<byte> content) => new(fileType, null, content);

    internal JObject ToJson()
    {
        var body = new JObject { ["file_type"] = (int)FileType, ["srv_send_msg"] = SendDirectly };
        if (Url is not null)
        {
            body["url"] = Url;
        }
        else if (Content is { } content)
        {
            body["file_data"] = Convert.ToBase64String(content.Span);
        }
        else
        {
            throw new ArgumentException("A media upload needs a URL or content.");
        }

        return body;
    }
}

/// <summary>An uploaded medium: send it with <c>msg_type: 7, media: {file_info}</c>; reusable for <see cref="Ttl"/> seconds.</summary>
public sealed record QQUploadedMedia(string FileUuid, string FileInfo, int Ttl, string? MessageId);

/// <summary>A local image for a guild channel or DM send, sent as the multipart part <c>file_image</c>.</summary>
public sealed record QQImageFile(string FileName, ReadOnlyMemory<byte> Content);
