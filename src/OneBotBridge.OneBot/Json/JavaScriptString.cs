namespace OneBotBridge.OneBot.Json;

/// <summary>
/// Writes a string literal exactly as JavaScript's <c>JSON.stringify</c> does (ES2019, well-formed):
/// short escapes for <c>" \ \b \f \n \r \t</c>, <c>\u00xx</c> for other control characters, lone
/// surrogates as <c>\udxxx</c>, everything else raw — including U+0085, U+2028 and U+2029.
/// </summary>
internal static class JavaScriptString
{
    private const string HexDigits = "0123456789abcdef";

    public static void WriteQuoted(TextWriter output, string value)
    {
        output.Write('"');
        var text = value.AsSpan();
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            output.Write(text[runStart..i]);
            WriteEscape(output, c);
            runStart = i + 1;
        }

        output.Write(text[runStart..]);
        output.Write('"');
    }

    private static void WriteEscape(TextWriter output, char c)
    {
        switch (c)
        {
            case '"': output.Write("\\\""); break;
            case '\\': output.Write("\\\\"); break;
            case '\b': output.Write("\\b"); break;
            case '\f': output.Write("\\f"); break;
            case '\n': output.Write("\\n"); break;
            case '\r': output.Write("\\r"); break;
            case '\t': output.Write("\\t"); break;
            default:
                output.Write("\\u");
                output.Write(HexDigits[(c >> 12) & 0xF]);
                output.Write(HexDigits[(c >> 8) & 0xF]);
                output.Write(HexDigits[(c >> 4) & 0xF]);
                output.Write(HexDigits[c & 0xF]);
                break;
        }
    }
}
