using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// One OneBot v11 message segment, <c>{"type": ..., "data": {...}}</c>. Each known type is a
/// record that reads its data (<c>Read</c>) and writes it back (<c>WriteFields</c>) side by side;
/// types the bridge does not know are <see cref="UnknownSegment"/>s and pass through untouched.
/// </summary>
public abstract record Segment
{
    private protected Segment()
    {
    }

    /// <summary>The segment type, e.g. <c>text</c> or <c>image</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Data keys this model does not know, kept in their order and written after the known ones.</summary>
    public IReadOnlyList<KeyValuePair<string, JToken>> ExtraData { get; init; } = [];

    /// <summary>The segment as a JSON object; data values are strings except nested content.</summary>
    public JObject ToJson()
    {
        using var writer = new JTokenWriter();
        WriteJson(writer);
        return (JObject)writer.Token!;
    }

    /// <summary>The segment as CQ code (plain escaped text for a text segment).</summary>
    public string ToCqCode()
    {
        var builder = new StringBuilder();
        WriteCq(builder);
        return builder.ToString();
    }

    internal void WriteJson(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteField("type", Type);
        writer.WritePropertyName("data");
        writer.WriteStartObject();
        WriteData(new JsonSegmentDataWriter(writer));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal virtual void WriteCq(StringBuilder builder)
    {
        builder.Append("[CQ:").Append(Type);
        WriteData(new CqSegmentDataWriter(builder));
        builder.Append(']');
    }

    /// <summary>Writes the data keys this type knows, in wire order; unset values are skipped.</summary>
    private protected abstract void WriteFields(SegmentDataWriter data);

    private void WriteData(SegmentDataWriter data)
    {
        WriteFields(data);
        foreach (var (key, value) in ExtraData)
        {
            data.WriteToken(key, value);
        }
    }
}
