using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator;

/// <summary>Newtonsoft settings shared by the simulator: dates stay strings.</summary>
internal static class SimulatorJson
{
    /// <summary>Parses one JSON value, or returns null when the text is not exactly one.</summary>
    public static JToken? TryParse(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Serialize(JToken token) => token.ToString(Formatting.None);

    /// <summary>A timestamp the way the platform writes them: RFC 3339, China time.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The string value of a property, also when it was sent as a number.</summary>
    public static string? StringOf(JToken? token) => token?.Type switch
    {
        JTokenType.String => (string?)token,
        JTokenType.Integer => token.ToString(Formatting.None),
        _ => null,
    };
}
