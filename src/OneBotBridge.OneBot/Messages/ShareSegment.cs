namespace OneBotBridge.OneBot.Messages;

/// <summary><c>share{url, title, content?, image?}</c>: a link card.</summary>
public sealed record ShareSegment(string Url, string Title) : Segment
{
    public override string Type => "share";

    public string? Content { get; init; }

    public string? Image { get; init; }

    internal static ShareSegment Read(SegmentDataReader data) => new(data.Required("url"), data.Required("title"))
    {
        Content = data.Optional("content"),
        Image = data.Optional("image"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("url", Url);
        data.Write("title", Title);
        data.Write("content", Content);
        data.Write("image", Image);
    }
}
