using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Json;

/// <summary>Name-and-value pairs for hand-written JSON objects.</summary>
internal static class JsonWriterExtensions
{
    public static void WriteField(this JsonWriter writer, string name, string? value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    public static void WriteField(this JsonWriter writer, string name, long value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    public static void WriteField(this JsonWriter writer, string name, bool value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    public static void WriteField(this JsonWriter writer, string name, JToken? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
