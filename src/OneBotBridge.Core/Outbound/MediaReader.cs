using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Outbound;

/// <summary>
/// Reads the <c>file</c> of a media segment: <c>http(s)://</c> stays a URL, <c>base64://</c> is decoded and
/// <c>file://</c> read only from under <see cref="MediaOptions.AllowedDirs"/>; both are capped at
/// <see cref="MediaOptions.MaxBytes"/>.
/// </summary>
public sealed class MediaReader(MediaOptions options)
{
    internal async Task<MediaPayload> ReadAsync(MediaSegment media, CancellationToken cancellationToken)
    {
        var source = media.Source;
        switch (source.Kind)
        {
            case MediaSourceKind.Url:
                return MediaPayload.FromUrl(source.Value);
            case MediaSourceKind.Base64:
                return MediaPayload.FromContent(DecodeBase64(media.Type, source.Value), media.Type);
            case MediaSourceKind.LocalFile:
                return MediaPayload.FromContent(await ReadLocalAsync(media.Type, source.Value, cancellationToken).ConfigureAwait(false), Path.GetFileName(source.Value));
            default:
                return media.Url is { } url && MediaSource.Parse(url).Kind == MediaSourceKind.Url
                    ? MediaPayload.FromUrl(url)
                    : throw SendFailures.BadMedia($"{media.Type} \"{media.File}\" is not an http(s)://, base64:// or file:// address");
        }
    }

    private byte[] DecodeBase64(string type, string base64)
    {
        if ((long)base64.Length / 4 * 3 > options.MaxBytes + 2)
        {
            throw TooLarge(type);
        }

        try
        {
            var content = Convert.FromBase64String(base64);
            return content.Length <= options.MaxBytes ? content : throw TooLarge(type);
        }
        catch (FormatException)
        {
            throw SendFailures.BadMedia($"{type} base64:// data is not valid Base64");
        }
    }

    private async Task<byte[]> ReadLocalAsync(string type, string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        var real = file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
        if (!IsAllowed(file.FullName) || !IsAllowed(real))
        {
            throw SendFailures.BadMedia(
                $"{type} file://{file.FullName} is refused: local files are sent only from under media.allowed_dirs");
        }

        if (!File.Exists(real))
        {
            throw SendFailures.BadMedia($"{type} file://{file.FullName} does not exist");
        }

        if (new FileInfo(real).Length > options.MaxBytes)
        {
            throw TooLarge(type);
        }

        return await File.ReadAllBytesAsync(real, cancellationToken).ConfigureAwait(false);
    }

    private bool IsAllowed(string fullPath) => options.AllowedDirs.Any(dir =>
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    });

    private Exception TooLarge(string type) =>
        SendFailures.BadMedia($"{type} is larger than media.max_bytes ({options.MaxBytes} bytes)");
}
