using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// Reads the platform's timestamps: RFC 3339 strings (messages), Unix seconds as a number or a
/// numeric string (robot and friend events), and the old Go-style string
/// (<c>2021-05-20 15:14:58.123 +0800 CST</c>).
/// </summary>
internal static class MessageTime
{
    public static DateTimeOffset? Read(JToken? timestamp)
    {
        switch (timestamp?.Type)
        {
            case JTokenType.Integer:
                return FromUnixSeconds((long)timestamp);
            case JTokenType.Float:
                return FromUnixSeconds((long)(double)timestamp);
            case JTokenType.String:
                return Parse((string)timestamp!);
            default:
                return null;
        }
    }

    public static DateTimeOffset? Read(JsonElement? timestamp) => timestamp switch
    {
        { ValueKind: JsonValueKind.Number } number => number.Integer() is { } seconds ? FromUnixSeconds(seconds) : null,
        { ValueKind: JsonValueKind.String } text => Parse(text.GetString()!),
        _ => null,
    };

    private static DateTimeOffset? Parse(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromUnixSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc3339) && text.Contains('T'))
        {
            return rfc3339;
        }

        // Go's time.String(): "2006-01-02 15:04:05.999999999 -0700 MST".
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3
            && DateTimeOffset.TryParseExact(
                $"{parts[0]} {parts[1]} {WithColon(parts[2])}",
                ["yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd HH:mm:ss zzz"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var goStyle))
        {
            return goStyle;
        }

        return null;
    }

    /// <summary>Go writes offsets as <c>+0800</c>; .NET reads <c>+08:00</c>.</summary>
    private static string WithColon(string offset) =>
        offset.Length == 5 && offset[0] is '+' or '-' ? offset[..3] + ":" + offset[3..] : offset;

    private static DateTimeOffset? FromUnixSeconds(long seconds) =>
        seconds is > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
