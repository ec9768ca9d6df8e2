namespace OneBotBridge.OneBot.Messages;

/// <summary><c>location{lat, lon, title?, content?}</c>.</summary>
public sealed record LocationSegment(string Lat, string Lon) : Segment
{
    public override string Type => "location";

    public string? Title { get; init; }

    public string? Content { get; init; }

    internal static LocationSegment Read(SegmentDataReader data) => new(data.Required("lat"), data.Required("lon"))
    {
        Title = data.Optional("title"),
        Content = data.Optional("content"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("lat", Lat);
        data.Write("lon", Lon);
        data.Write("title", Title);
        data.Write("content", Content);
    }
}
