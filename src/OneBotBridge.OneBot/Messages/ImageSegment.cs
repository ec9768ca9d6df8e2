namespace OneBotBridge.OneBot.Messages;

/// <summary><c>image{file, type?, url?, cache?, proxy?, timeout?}</c>; <see cref="ImageType"/> is <c>flash</c> for flash images.</summary>
public sealed record ImageSegment(string File) : MediaSegment(File)
{
    public override string Type => "image";

    public string? ImageType { get; init; }

    internal static ImageSegment Read(SegmentDataReader data) => new(data.Required("file"))
    {
        ImageType = data.Optional("type"),
        Url = data.Optional("url"),
        Cache = data.Optional("cache"),
        Proxy = data.Optional("proxy"),
        Timeout = data.Optional("timeout"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("file", File);
        data.Write("type", ImageType);
        data.Write("url", Url);
        data.Write("cache", Cache);
        data.Write("proxy", Proxy);
        data.Write("timeout", Timeout);
    }
}
