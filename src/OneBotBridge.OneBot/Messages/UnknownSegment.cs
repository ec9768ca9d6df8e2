using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// A segment of a type the bridge does not know: type and data pass through untouched (in a CQ
/// string, each value as its text).
/// </summary>
public sealed record UnknownSegment : Segment
{
    public UnknownSegment(string type, JObject data)
    {
        Type = type;
        Data = data;
    }

    public override string Type { get; }

    /// <summary>The data as received; not copied, so treat it as read-only.</summary>
    public JObject Data { get; }

    private protected override void WriteFields(SegmentDataWriter data)
    {
        foreach (var property in Data.Properties())
        {
            data.WriteToken(property.Name, property.Value);
        }
    }
}
