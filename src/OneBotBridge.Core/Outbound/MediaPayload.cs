namespace OneBotBridge.Core.Outbound;

/// <summary>A medium ready to hand to the platform: a URL it fetches itself, or the bytes.</summary>
internal sealed record MediaPayload(string? Url, ReadOnlyMemory<byte> Content, string FileName)
{
    public static MediaPayload FromUrl(string url) => new(url, ReadOnlyMemory<byte>.Empty, Path.GetFileName(new Uri(url).AbsolutePath));

    public static MediaPayload FromContent(ReadOnlyMemory<byte> content, string fileName) => new(null, content, fileName);
}
