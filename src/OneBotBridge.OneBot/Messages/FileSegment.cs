namespace OneBotBridge.OneBot.Messages;

/// <summary><c>file{file, name?, url?}</c> (extension): a file attachment.</summary>
public sealed record FileSegment(string File) : MediaSegment(File)
{
    public override string Type => "file";

    /// <summary>The file name shown to users.</summary>
    public string? Name { get; init; }

    internal static FileSegment Read(SegmentDataReader data) => new(data.Required("file"))
    {
        Name = data.Optional("name"),
        Url = data.Optional("url"),
        Cache = data.Optional("cache"),
        Proxy = data.Optional("proxy"),
        Timeout = data.Optional("timeout"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("file", File);
        data.Write("name", Name);
        data.Write("url", Url);
        data.Write("cache", Cache);
        data.Write("proxy", Proxy);
        data.Write("timeout", Timeout);
    }
}
