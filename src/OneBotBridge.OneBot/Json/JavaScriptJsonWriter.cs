using Newtonsoft.Json;

namespace OneBotBridge.OneBot.Json;

/// <summary>
/// A compact <see cref="JsonTextWriter"/> whose strings and numbers come out byte for byte as
/// JavaScript's <c>JSON.stringify</c> writes them (Newtonsoft escapes U+0085/U+2028/U+2029, turns lone
/// surrogates into U+FFFD on encoding and writes <c>1.0</c> and <c>1E+21</c>; JavaScript does none of that).
/// </summary>
internal sealed class JavaScriptJsonWriter : JsonTextWriter
{
    private readonly TextWriter _output;

    public JavaScriptJsonWriter(TextWriter output)
        : base(output)
    {
        _output = output;
        Formatting = Formatting.None;
        CloseOutput = false;
    }

    public override void WritePropertyName(string name) => WritePropertyName(name, escape: true);

    public override void WritePropertyName(string name, bool escape)
    {
        SetWriteState(JsonToken.PropertyName, name);
        if (escape)
        {
            JavaScriptString.WriteQuoted(_output, name);
        }
        else
        {
            _output.Write('"');
            _output.Write(name);
            _output.Write('"');
        }

        _output.Write(':');
    }

    public override void WriteValue(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        SetWriteState(JsonToken.String, null!);
        JavaScriptString.WriteQuoted(_output, value);
    }

    public override void WriteValue(char value) => WriteValue(value.ToString());

    public override void WriteValue(char? value) => WriteValue(value?.ToString());

    public override void WriteValue(Uri? value) => WriteValue(value?.OriginalString);

    public override void WriteValue(double value)
    {
        SetWriteState(JsonToken.Float, null!);
        _output.Write(JavaScriptNumber.Format(value));
    }

    public override void WriteValue(double? value)
    {
        if (value is { } number)
        {
            WriteValue(number);
        }
        else
        {
            WriteNull();
        }
    }

    public override void WriteValue(float value) => WriteValue((double)value);

    public override void WriteValue(float? value) => WriteValue((double?)value);

    public override void WriteValue(decimal value) => WriteValue((double)value);

    public override void WriteValue(decimal? value) => WriteValue((double?)value);
}
