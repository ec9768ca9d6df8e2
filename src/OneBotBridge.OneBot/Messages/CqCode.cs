using System.Text;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// The CQ-code string form of messages: <c>text[CQ:type,key=value,key2=value2]text</c>.
/// Text escapes <c>&amp;</c> <c>[</c> <c>]</c> as <c>&amp;amp;</c> <c>&amp;#91;</c> <c>&amp;#93;</c>;
/// parameter values also escape <c>,</c> as <c>&amp;#44;</c>. Parsing is tolerant: anything that is
/// not a well-formed code (an unterminated <c>[CQ:</c>, a parameter without <c>=</c>) stays text.
/// </summary>
public static class CqCode
{
    // &#44; &#91; &#93; &amp; — every entity the codec knows has five characters.
    private const int EntityLength = 5;

    /// <summary>Escapes text outside codes: <c>&amp;</c>, <c>[</c>, <c>]</c>.</summary>
    public static string Escape(string text) => Escape(text, inValue: false);

    /// <summary>Escapes a parameter value: <c>&amp;</c>, <c>[</c>, <c>]</c> and <c>,</c>.</summary>
    public static string EscapeValue(string value) => Escape(value, inValue: true);

    /// <summary>
    /// Reverses both escapes. One left-to-right pass, so <c>&amp;amp;#91;</c> becomes the literal
    /// <c>&amp;#91;</c> — the result of unescaping <c>&amp;#44;</c> <c>&amp;#91;</c> <c>&amp;#93;</c> first and <c>&amp;amp;</c> last.
    /// </summary>
    public static string Unescape(string text) => Unescape(text.AsSpan());

    internal static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text, bool inValue)
    {
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '[' => "&#91;",
                ']' => "&#93;",
                ',' when inValue => "&#44;",
                _ => null,
            };
            if (entity is null)
            {
                continue;
            }

            builder.Append(text[runStart..i]).Append(entity);
            runStart = i + 1;
        }

        builder.Append(text[runStart..]);
    }

    /// <summary>Splits a CQ string into segments; text runs become <see cref="TextSegment"/>s.</summary>
    /// <exception cref="MessageFormatException">A well-formed code of a known type has invalid data.</exception>
    internal static List<Segment> Parse(string cq)
    {
        var segments = new List<Segment>();
        var textStart = 0;
        var searchFrom = 0;
        while (true)
        {
            var open = cq.IndexOf("[CQ:", searchFrom, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            if (!TryReadCode(cq, open, out var end, out var type, out var data))
            {
                searchFrom = open + 1;
                continue;
            }

            if (open > textStart)
            {
                segments.Add(new TextSegment(Unescape(cq.AsSpan(textStart, open - textStart))));
            }

            segments.Add(SegmentTypes.Read(type, data, segments.Count));
            textStart = searchFrom = end;
        }

        if (textStart < cq.Length)
        {
            segments.Add(new TextSegment(Unescape(cq.AsSpan(textStart))));
        }

        return segments;
    }

    /// <summary>
    /// Reads <c>[CQ:type(,key=value)*,?]</c> at <paramref name="open"/>; type and keys are
    /// <c>[A-Za-z0-9_.-]+</c>, values anything but <c>, [ ]</c>. <paramref name="end"/> is just past <c>]</c>.
    /// </summary>
    private static bool TryReadCode(string cq, int open, out int end, out string type, out JObject data)
    {
        end = 0;
        data = [];
        var position = open + "[CQ:".Length;
        type = ReadName(cq, ref position);
        if (type.Length == 0)
        {
            return false;
        }

        while (position < cq.Length)
        {
            var c = cq[position++];
            if (c == ']')
            {
                end = position;
                return true;
            }

            if (c != ',')
            {
                return false;
            }

            if (position < cq.Length && cq[position] == ']')
            {
                continue;
            }

            var key = ReadName(cq, ref position);
            if (key.Length == 0 || position >= cq.Length || cq[position] != '=')
            {
                return false;
            }

            var valueStart = ++position;
            while (position < cq.Length && cq[position] is not (',' or '[' or ']'))
            {
                position++;
            }

            if (position >= cq.Length || cq[position] == '[')
            {
                return false;
            }

            data[key] = Unescape(cq.AsSpan(valueStart, position - valueStart));
        }

        return false;
    }

    private static string ReadName(string cq, ref int position)
    {
        var start = position;
        while (position < cq.Length && (char.IsAsciiLetterOrDigit(cq[position]) || cq[position] is '_' or '.' or '-'))
        {
            position++;
        }

        return cq[start..position];
    }

    private static string Escape(string text, bool inValue)
    {
        if (text.AsSpan().IndexOfAny(inValue ? "&[]," : "&[]") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text, inValue);
        return builder.ToString();
    }

    private static string Unescape(ReadOnlySpan<char> text)
    {
        var amp = text.IndexOf('&');
        if (amp < 0)
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text[..amp]);
        for (var i = amp; i < text.Length; i++)
        {
            if (EntityAt(text[i..]) is { } decoded)
            {
                builder.Append(decoded);
                i += EntityLength - 1;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static char? EntityAt(ReadOnlySpan<char> text) =>
        text.StartsWith("&#44;") ? ','
        : text.StartsWith("&#91;") ? '['
        : text.StartsWith("&#93;") ? ']'
        : text.StartsWith("&amp;") ? '&'
        : null;
}
