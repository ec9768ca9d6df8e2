namespace OneBotBridge.OneBot.Messages;

/// <summary><c>rps{}</c>: rock-paper-scissors.</summary>
public sealed record RpsSegment : Segment
{
    public override string Type => "rps";

    internal static RpsSegment Read(SegmentDataReader data) => new() { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data)
    {
    }
}
