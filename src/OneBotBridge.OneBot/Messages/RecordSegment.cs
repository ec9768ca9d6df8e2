namespace OneBotBridge.OneBot.Messages;

/// <summary><c>record{file, magic?, url?, cache?, proxy?, timeout?}</c>: a voice message.</summary>
public sealed record RecordSegment(string File) : MediaSegment(File)
{
    public override string Type => "record";

    /// <summary><c>1</c> for a voice-changed record.</summary>
    public string? Magic { get; init; }

    internal static RecordSegment Read(SegmentDataReader data) => new(data.Required("file"))
    {
        Magic = data.Optional("magic"),
        Url = data.Optional("url"),
        Cache = data.Optional("cache"),
        Proxy = data.Optional("proxy"),
        Timeout = data.Optional("timeout"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("file", File);
        data.Write("magic", Magic);
        data.Write("url", Url);
        data.Write("cache", Cache);
        data.Write("proxy", Proxy);
        data.Write("timeout", Timeout);
    }
}
