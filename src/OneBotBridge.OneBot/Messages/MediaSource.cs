namespace OneBotBridge.OneBot.Messages;

/// <summary>How a media segment's <c>file</c> says where the file is.</summary>
public enum MediaSourceKind
{
    /// <summary>A name the bridge handed out with a received file.</summary>
    Name,

    /// <summary><c>http://</c> or <c>https://</c>.</summary>
    Url,

    /// <summary><c>file:///abs/path</c>; <see cref="MediaSource.Value"/> is the local path.</summary>
    LocalFile,

    /// <summary><c>base64://...</c>; <see cref="MediaSource.Value"/> is the Base64 text.</summary>
    Base64,
}

/// <summary>The <c>file</c> value of a media segment, classified.</summary>
public readonly record struct MediaSource(MediaSourceKind Kind, string Value)
{
    private const string Base64Prefix = "base64://";

    public static MediaSource Parse(string file)
    {
        if (file.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || file.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new(MediaSourceKind.Url, file);
        }

        if (file.StartsWith(Base64Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return new(MediaSourceKind.Base64, file[Base64Prefix.Length..]);
        }

        if (file.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(file, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            return new(MediaSourceKind.LocalFile, uri.LocalPath);
        }

        return new(MediaSourceKind.Name, file);
    }
}
