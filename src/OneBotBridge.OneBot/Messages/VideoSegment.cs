namespace OneBotBridge.OneBot.Messages;

/// <summary><c>video{file, url?, cache?, proxy?, timeout?}</c>.</summary>
public sealed record VideoSegment(string File) : MediaSegment(File)
{
    public override string Type => "video";

    internal static VideoSegment Read(SegmentDataReader data) => new(data.Required("file"))
    {
        Url = data.Optional("url"),
        Cache = data.Optional("cache"),
        Proxy = data.Optional("proxy"),
        Timeout = data.Optional("timeout"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("file", File);
        data.Write("url", Url);
        data.Write("cache", Cache);
        data.Write("proxy", Proxy);
        data.Write("timeout", Timeout);
    }
}
