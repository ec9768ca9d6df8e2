using System.Text.Json;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// Reads fields of a QQ payload as the platform's loose typing needs: an id may come as a string or a number,
/// a flag as a bool or a string, and a field of the wrong shape reads as absent.
/// </summary>
internal static class QQFields
{
    /// <summary>The field's text: a string as it is, a number or a bool as written, otherwise <c>null</c>.</summary>
    public static string? Text(this JsonElement json, string key) => Field(json, key) is { } value ? TextOf(value) : null;

    public static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => null,
    };

    /// <summary>The field as a bool: <c>true</c>/<c>false</c>, or a string or number saying so.</summary>
    public static bool? Flag(this JsonElement json, string key) => Field(json, key) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var flag) => flag,
        { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var value) => value != 0,
        _ => null,
    };

    /// <summary>The field if it is a JSON object.</summary>
    public static JsonElement? Object(this JsonElement json, string key) =>
        Field(json, key) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The object elements of the field, if it is an array; nothing otherwise.</summary>
    public static IEnumerable<JsonElement> Objects(this JsonElement json, string key) =>
        Field(json, key) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(static item => item.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>The field, whatever its kind; <c>null</c> when absent, JSON null, or <paramref name="json"/> is no object.</summary>
    public static JsonElement? Field(this JsonElement json, string key) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A whole-number field, as Unix seconds are written.</summary>
    public static long? Integer(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer) ? integer
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var real) ? (long)real
        : null;

    public static string Required(this JsonElement json, string key) =>
        json.Text(key) is { Length: > 0 } value ? value : throw new InboundFormatException($"the payload has no '{key}'");
}
