using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// <c>keyboard{content}</c> (extension): a button keyboard, <see cref="Content"/> being the keyboard
/// object (<c>{"rows": [...]}</c> or <c>{"id": template}</c>). Accepted as an object or as a string
/// holding one; written as an object in JSON and as compact JSON text in a CQ string.
/// </summary>
public sealed record KeyboardSegment(JObject Content) : Segment
{
    public override string Type => "keyboard";

    internal static KeyboardSegment Read(SegmentDataReader data) =>
        new(data.OptionalObject("content") ?? throw data.Invalid("data.content is required")) { ExtraData = data.Rest() };

    private protected override void WriteFields(SegmentDataWriter data) => data.WriteToken("content", Content);
}
