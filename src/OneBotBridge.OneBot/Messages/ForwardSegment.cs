namespace OneBotBridge.OneBot.Messages;

/// <summary><c>forward{id}</c>: a merged-forward message, fetched with <c>get_forward_msg</c>.</summary>
public sealed record ForwardSegment(string Id) : Segment
{
    public override string Type => "forward";

    internal static ForwardSegment Read(SegmentDataReader data) =>
        new(data.Required("id")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.Write("id", Id);
}
