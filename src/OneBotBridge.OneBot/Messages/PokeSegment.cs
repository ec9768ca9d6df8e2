namespace OneBotBridge.OneBot.Messages;

/// <summary><c>poke{type, id, name?}</c>.</summary>
public sealed record PokeSegment(string PokeType, string Id) : Segment
{
    public override string Type => "poke";

    public string? Name { get; init; }

    internal static PokeSegment Read(SegmentDataReader data) => new(data.Required("type"), data.Required("id"))
    {
        Name = data.Optional("name"),
        ExtraData = data.Rest(),
    };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("type", PokeType);
        data.Write("id", Id);
        data.Write("name", Name);
    }
}
