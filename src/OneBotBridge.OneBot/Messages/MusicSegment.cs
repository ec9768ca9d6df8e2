namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// <c>music{type, id?}</c> for a platform song (<c>qq</c>, <c>163</c>, <c>xm</c>) or
/// <c>music{type: custom, url, audio, title, content?, image?}</c>.
/// </summary>
public sealed record MusicSegment(string MusicType) : Segment
{
    public override string Type => "music";

    public string? Id { get; init; }

    public string? Url { get; init; }

    public string? Audio { get; init; }

    public string? Title { get; init; }

    public string? Content { get; init; }

    public string? Image { get; init; }

    internal static MusicSegment Read(SegmentDataReader data) => new(data.Required("type"))
    {
        Id = data.Optional("id"),
        Url = data.Optional("url"),
        Audio = data.Optional("audio"),
        Title = data.Optional("title"),
        Content = data.Optional("content"),
        Image = data.Optional("image"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("type", MusicType);
        data.Write("id", Id);
        data.Write("url", Url);
        data.Write("audio", Audio);
        data.Write("title", Title);
        data.Write("content", Content);
        data.Write("image", Image);
    }
}
