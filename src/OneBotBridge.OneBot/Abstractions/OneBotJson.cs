using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// The one JSON configuration of the OneBot side: compact, written the way JavaScript's
/// <c>JSON.stringify</c> writes it (non-ASCII and emoji unescaped), so signatures computed over
/// re-serialized JSON (Koishi) match the bytes we sent.
/// </summary>
public static class OneBotJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        Formatting = Formatting.None,
        StringEscapeHandling = StringEscapeHandling.Default,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        NullValueHandling = NullValueHandling.Include,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Serialize(JToken token) => Utf8.GetBytes(token.ToString(Formatting.None));

    /// <summary>Parses JSON without turning date-like strings into dates.</summary>
    public static JToken Parse(ReadOnlySpan<byte> utf8)
    {
        using var reader = new JsonTextReader(new StringReader(Utf8.GetString(utf8)))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        return JToken.ReadFrom(reader);
    }
}
