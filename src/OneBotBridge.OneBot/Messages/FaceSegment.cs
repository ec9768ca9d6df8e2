namespace OneBotBridge.OneBot.Messages;

/// <summary><c>face{id}</c>: a QQ built-in emoji.</summary>
public sealed record FaceSegment(string Id) : Segment
{
    public override string Type => "face";

    internal static FaceSegment Read(SegmentDataReader data) =>
        new(data.Required("id")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.Write("id", Id);
}
