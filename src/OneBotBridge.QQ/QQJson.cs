using System.Buffers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ;

/// <summary>The one JSON configuration of the QQ side: date-like strings stay strings.</summary>
internal static class QQJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Every dispatch is parsed: no line numbers kept per token, and the reader's buffers are reused.
    private static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            ArrayPool = SharedCharPool.Instance,
        };
        return JToken.ReadFrom(reader, LoadSettings);
    }

    /// <summary><see cref="ArrayPool{T}.Shared"/> as the reader's buffer pool.</summary>
    private sealed class SharedCharPool : IArrayPool<char>
    {
        public static readonly SharedCharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }

    public static JToken Parse(ReadOnlySpan<byte> utf8) => Parse(Utf8.GetString(utf8));

    /// <summary>Parses a response body, or <c>null</c> when it is empty or not JSON (some endpoints answer plain text).</summary>
    public static JToken? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return Parse(body);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    public static byte[] Serialize(JToken token) => Utf8.GetBytes(token.ToString(Formatting.None));
}
