using System.Globalization;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Messages;

/// <summary>An immutable OneBot message: a list of segments, written as an array or a CQ string.</summary>
[CollectionBuilder(typeof(Message), nameof(Create))]
public sealed class Message : IReadOnlyList<Segment>
{
    private const int JsonTextBuilderCapacity = 512;

    [ThreadStatic]
    private static StringBuilder? t_jsonTextBuilder;

    private readonly Segment[] _segments;

    public Message(IEnumerable<Segment> segments)
    {
        _segments = [.. segments];
    }

    private Message(Segment[] segments)
    {
        _segments = segments;
    }

    public static Message Empty { get; } = new([]);

    public int Count => _segments.Length;

    public Segment this[int index] => _segments[index];

    public static Message Create(ReadOnlySpan<Segment> segments) => new(segments.ToArray());

    /// <summary>A message of one text segment (none for empty text).</summary>
    public static Message FromText(string text) => text.Length == 0 ? Empty : new([new TextSegment(text)]);

    /// <summary>Parses a CQ string; malformed codes stay text.</summary>
    /// <exception cref="MessageFormatException">A well-formed code of a known type has invalid data.</exception>
    public static Message FromCqString(string cq) => new([.. CqCode.Parse(cq)]);

    /// <summary>
    /// Reads a <c>message</c> value the way frameworks send it: a CQ string (literal text when
    /// <paramref name="autoEscape"/> is set), an array of segment objects, or one segment object.
    /// </summary>
    /// <exception cref="MessageFormatException">The value has another type or a segment is invalid.</exception>
    public static Message Parse(JToken message, bool autoEscape = false) => message switch
    {
        JValue { Type: JTokenType.String } text when autoEscape => FromText((string)text!),
        JValue { Type: JTokenType.String } text => FromCqString((string)text!),
        JArray array => new([.. array.Select(ParseSegment)]),
        JObject segment => new([ParseSegment(segment, 0)]),
        _ => throw new MessageFormatException(
            $"a message must be a CQ string, an array of segments or one segment object, got {JsonValueText.Describe(message)}"),
    };

    public string ToCqString()
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            segment.WriteCq(builder);
        }

        return builder.ToString();
    }

    /// <summary>The array form: <c>[{"type": ..., "data": {...}}, ...]</c>.</summary>
    public JArray ToJson()
    {
        using var writer = new JTokenWriter();
        WriteJson(writer);
        return (JArray)writer.Token!;
    }

    /// <summary>The array form as compact JSON text, written directly (no token tree in between).</summary>
    public string ToJsonText()
    {
        // Every received message is written out once for storage: reusing the builder spares a grown buffer each time.
        var builder = t_jsonTextBuilder ?? new StringBuilder(JsonTextBuilderCapacity);
        t_jsonTextBuilder = null;
        using (var writer = new JsonTextWriter(new StringWriter(builder, CultureInfo.InvariantCulture)))
        {
            WriteJson(writer);
        }

        var json = builder.ToString();
        if (builder.Capacity <= JsonTextBuilderCapacity * 16)
        {
            t_jsonTextBuilder = builder.Clear();
        }

        return json;
    }

    public IEnumerator<Segment> GetEnumerator() => ((IEnumerable<Segment>)_segments).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => ToCqString();

    internal void WriteJson(JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var segment in _segments)
        {
            segment.WriteJson(writer);
        }

        writer.WriteEndArray();
    }

    private static Segment ParseSegment(JToken token, int index)
    {
        if (token is not JObject segment)
        {
            throw new MessageFormatException($"segment {index} must be an object, got {JsonValueText.Describe(token)}");
        }

        if (segment["type"] is not JValue { Type: JTokenType.String } typeValue || (string)typeValue! is not { Length: > 0 } type)
        {
            throw new MessageFormatException($"segment {index}: \"type\" must be a non-empty string, got {JsonValueText.Describe(segment["type"])}");
        }

        var data = segment["data"] switch
        {
            null or { Type: JTokenType.Null } => [],
            JObject value => value,
            var other => throw new MessageFormatException($"segment {index} ({type}): \"data\" must be an object, got {JsonValueText.Describe(other)}"),
        };
        return SegmentTypes.Read(type, data, index);
    }
}
