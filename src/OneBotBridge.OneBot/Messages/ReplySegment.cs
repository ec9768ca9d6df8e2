using System.Globalization;

namespace OneBotBridge.OneBot.Messages;

/// <summary><c>reply{id}</c>: quotes the message with OneBot message id <see cref="Id"/>.</summary>
public sealed record ReplySegment(int Id) : Segment
{
    public override string Type => "reply";

    internal static ReplySegment Read(SegmentDataReader data) =>
        new(data.RequiredInt32("id")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) =>
        data.Write("id", Id.ToString(CultureInfo.InvariantCulture));
}
