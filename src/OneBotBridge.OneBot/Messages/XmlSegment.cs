namespace OneBotBridge.OneBot.Messages;

/// <summary><c>xml{data}</c>: an XML card.</summary>
public sealed record XmlSegment(string Data) : Segment
{
    public override string Type => "xml";

    internal static XmlSegment Read(SegmentDataReader data) =>
        new(data.Required("data")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.Write("data", Data);
}
