namespace OneBotBridge.OneBot.Messages;

/// <summary><c>video{file, url?, cache?, proxy?, timeout?}</c>.</summary>
public sealed record VideoSegment(string File) : MediaSegment(File)
{
    public override string Type => "video";

    internal static VideoSegment Read(SegmentDataReader data) => ReadMedia(data, file => new VideoSegment(file));
}
