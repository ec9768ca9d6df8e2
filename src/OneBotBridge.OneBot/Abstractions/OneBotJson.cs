using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// The one JSON configuration of the OneBot side: compact, written the way JavaScript's
/// <c>JSON.stringify</c> writes it (non-ASCII and emoji unescaped, U+2028/U+2029 raw, lone surrogates
/// as <c>\udxxx</c>, <c>1</c> not <c>1.0</c>), so signatures computed over re-serialized JSON
/// (Koishi) match the bytes we sent.
/// </summary>
/// <remarks>
/// Known limit: JavaScript writes integer-like keys (<c>"10"</c>) of an object first; we keep the
/// order we were given. No field the bridge writes has such a key.
/// </remarks>
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

    /// <summary>UTF-8 bytes of <paramref name="token"/>, as <c>JSON.stringify</c> would write it.</summary>
    public static byte[] Serialize(JToken token) => Write(token, static (writer, value) => value.WriteTo(writer));

    /// <summary>UTF-8 bytes of an action response, fields in the order go-cqhttp writes them.</summary>
    public static byte[] Serialize(ActionResponse response) => Write(response, static (writer, value) => value.WriteTo(writer));

    /// <summary><paramref name="token"/> as a string, as <c>JSON.stringify</c> would write it.</summary>
    public static string Stringify(JToken token)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JavaScriptJsonWriter(text))
        {
            token.WriteTo(writer);
        }

        return text.ToString();
    }

    // Line numbers are not kept per token: parse errors still carry them (from the reader).
    private static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    /// <summary>
    /// Parses one JSON value without turning date-like strings into dates. Throws
    /// <see cref="JsonReaderException"/> for invalid JSON, including text after the value.
    /// </summary>
    public static JToken Parse(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(byteOrderMark))
        {
            utf8 = utf8[byteOrderMark.Length..];
        }

        return Parse(Utf8.GetString(utf8));
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        var token = JToken.ReadFrom(reader, LoadSettings);
        if (reader.Read())
        {
            throw new JsonReaderException($"Unexpected {reader.TokenType} after the JSON value, line {reader.LineNumber}, position {reader.LinePosition}.");
        }

        return token;
    }

    /// <summary>Streams JSON into a pooled buffer and returns the exact bytes: the hot-path writer.</summary>
    internal static byte[] Write<TState>(TState state, Action<JsonWriter, TState> write)
    {
        using var buffer = new PooledUtf8TextWriter();
        using (var writer = new JavaScriptJsonWriter(buffer))
        {
            write(writer, state);
        }

        return buffer.ToArray();
    }
}
