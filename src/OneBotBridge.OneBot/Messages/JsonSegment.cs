namespace OneBotBridge.OneBot.Messages;

/// <summary><c>json{data}</c>: a JSON (ark) card; <see cref="Data"/> is the JSON text (an object sent inline is kept as its compact text).</summary>
public sealed record JsonSegment(string Data) : Segment
{
    public override string Type => "json";

    internal static JsonSegment Read(SegmentDataReader data) =>
        new(data.Required("data")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.Write("data", Data);
}
