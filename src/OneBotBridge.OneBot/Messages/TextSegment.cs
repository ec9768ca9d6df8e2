using System.Text;

namespace OneBotBridge.OneBot.Messages;

/// <summary><c>text{text}</c>. In a CQ string it is the escaped text itself, never <c>[CQ:text]</c>.</summary>
public sealed record TextSegment(string Text) : Segment
{
    public override string Type => "text";

    internal static TextSegment Read(SegmentDataReader data) =>
        new(data.Required("text")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.Write("text", Text);

    internal override void WriteCq(StringBuilder builder) => CqCode.AppendEscaped(builder, Text, inValue: false);
}
