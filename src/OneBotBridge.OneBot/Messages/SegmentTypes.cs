using System.Collections.Frozen;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Messages;

/// <summary>Which record reads which segment type; other types become <see cref="UnknownSegment"/>s.</summary>
internal static class SegmentTypes
{
    private static readonly FrozenDictionary<string, Func<SegmentDataReader, Segment>> Readers =
        new Dictionary<string, Func<SegmentDataReader, Segment>>
        {
            ["text"] = TextSegment.Read,
            ["face"] = FaceSegment.Read,
            ["image"] = ImageSegment.Read,
            ["record"] = RecordSegment.Read,
            ["video"] = VideoSegment.Read,
            ["file"] = FileSegment.Read,
            ["at"] = AtSegment.Read,
            ["reply"] = ReplySegment.Read,
            ["forward"] = ForwardSegment.Read,
            ["node"] = NodeSegment.Read,
            ["share"] = ShareSegment.Read,
            ["contact"] = ContactSegment.Read,
            ["location"] = LocationSegment.Read,
            ["music"] = MusicSegment.Read,
            ["poke"] = PokeSegment.Read,
            ["dice"] = DiceSegment.Read,
            ["rps"] = RpsSegment.Read,
            ["xml"] = XmlSegment.Read,
            ["json"] = JsonSegment.Read,
            ["markdown"] = MarkdownSegment.Read,
            ["keyboard"] = KeyboardSegment.Read,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Reads segment <paramref name="index"/> of a message.</summary>
    /// <exception cref="MessageFormatException">A known type has missing or invalid data.</exception>
    public static Segment Read(string type, JObject data, int index) =>
        Readers.TryGetValue(type, out var read)
            ? read(new SegmentDataReader(type, data, index))
            : new UnknownSegment(type, data);
}
