namespace OneBotBridge.OneBot.Messages;

/// <summary><c>contact{type, id}</c>: a recommended friend (<c>qq</c>) or group (<c>group</c>).</summary>
public sealed record ContactSegment(string ContactType, string Id) : Segment
{
    public override string Type => "contact";

    internal static ContactSegment Read(SegmentDataReader data) =>
        new(data.Required("type"), data.Required("id")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("type", ContactType);
        data.Write("id", Id);
    }
}
