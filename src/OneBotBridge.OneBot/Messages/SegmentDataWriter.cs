using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// Receives a segment's data fields; <see cref="JsonSegmentDataWriter"/> writes them as a JSON
/// object's members, <see cref="CqSegmentDataWriter"/> as CQ-code parameters.
/// </summary>
internal abstract class SegmentDataWriter
{
    /// <summary>A string value; <c>null</c> (unset) is skipped.</summary>
    public abstract void Write(string key, string? value);

    /// <summary>A nested message (node content): an array in JSON, a CQ string in CQ code.</summary>
    public abstract void Write(string key, Message? value);

    /// <summary>A value of any JSON type, written as is in JSON and as its text in CQ code.</summary>
    public abstract void WriteToken(string key, JToken? value);
}

internal sealed class JsonSegmentDataWriter(JsonWriter writer) : SegmentDataWriter
{
    public override void Write(string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteField(key, value);
        }
    }

    public override void Write(string key, Message? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(key);
            value.WriteJson(writer);
        }
    }

    public override void WriteToken(string key, JToken? value)
    {
        if (value is not null)
        {
            writer.WriteField(key, value);
        }
    }
}

internal sealed class CqSegmentDataWriter(StringBuilder builder) : SegmentDataWriter
{
    public override void Write(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        builder.Append(',').Append(key).Append('=');
        CqCode.AppendEscaped(builder, value, inValue: true);
    }

    public override void Write(string key, Message? value) => Write(key, value?.ToCqString());

    public override void WriteToken(string key, JToken? value) => Write(key, value is null ? null : JsonValueText.Of(value));
}
