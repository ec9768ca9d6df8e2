using System.Globalization;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Json;

/// <summary>
/// The text of a JSON value where the protocol wants a string but senders write other types:
/// numbers and booleans as JavaScript would print them, objects and arrays as compact JSON.
/// </summary>
internal static class JsonValueText
{
    /// <returns><c>null</c> for JSON null (an unset value).</returns>
    public static string? Of(JToken token) => token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => null,
        JTokenType.String => (string)token!,
        JTokenType.Boolean => (bool)token ? "true" : "false",
        JTokenType.Float => JavaScriptNumber.Format((double)token),
        JTokenType.Integer => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture),
        JTokenType.Object or JTokenType.Array => OneBotJson.Stringify(token),
        _ => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture),
    };

    /// <summary>A short rendering of a value for error messages.</summary>
    public static string Describe(JToken? token)
    {
        const int MaxLength = 60;
        var text = token is null ? "nothing" : OneBotJson.Stringify(token);
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }
}
