namespace OneBotBridge.OneBot.Messages;

/// <summary><c>markdown{content}</c> (extension): markdown text (an object sent inline is kept as its compact JSON text).</summary>
public sealed record MarkdownSegment(string Content) : Segment
{
    public override string Type => "markdown";

    internal static MarkdownSegment Read(SegmentDataReader data) =>
        new(data.Required("content")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.Write("content", Content);
}
