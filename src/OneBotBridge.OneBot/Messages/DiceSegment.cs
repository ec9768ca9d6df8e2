namespace OneBotBridge.OneBot.Messages;

/// <summary><c>dice{}</c>: a random dice.</summary>
public sealed record DiceSegment : Segment
{
    public override string Type => "dice";

    internal static DiceSegment Read(SegmentDataReader data) => new() { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data)
    {
    }
}
