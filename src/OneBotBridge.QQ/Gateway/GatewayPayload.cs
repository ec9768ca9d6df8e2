using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// A gateway frame's envelope <c>{op, d, s, t, id}</c>. <c>d</c> stays raw JSON (<see cref="Utf8Data"/>): it may be
/// an object, <c>""</c>, a number, a bool or null, and only the code that knows the frame's type reads it.
/// </summary>
internal sealed class GatewayPayload(GatewayOpcode op, ReadOnlyMemory<byte> utf8Data, long? seq, string? type, string? id)
{
    private static readonly byte[] Null = "null"u8.ToArray();

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public GatewayOpcode Op { get; } = op;

    /// <summary><c>d</c> as its UTF-8 JSON text (<c>null</c> when absent).</summary>
    public ReadOnlyMemory<byte> Utf8Data { get; } = utf8Data;

    /// <summary><c>d</c> as a JSON tree, for the rare frames that are read that way (Hello, READY, validation).</summary>
    public JToken Data => QQJson.Parse(Utf8Data.Span);

    public long? Seq { get; } = seq;

    public string? Type { get; } = type;

    public string? Id { get; } = id;

    /// <summary>
    /// Reads an envelope without building a tree of it: every dispatch passes here. <c>d</c> is copied out of
    /// <paramref name="utf8"/>, which the caller may reuse. A frame that is not an envelope is a
    /// <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static GatewayPayload Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Read(utf8);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"a gateway frame is not JSON: {ex.Message}", ex);
        }
    }

    public GatewayDispatch ToDispatch(int shardId) => new(Type ?? "", Seq, Id, Utf8Data, shardId);

    private static GatewayPayload Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        if (!reader.Read())
        {
            throw new FormatException("a gateway frame is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"a gateway frame is a JSON {Describe(reader.TokenType)}, not an object");
        }

        int? op = null;
        ReadOnlyMemory<byte> data = Null;
        long? seq = null;
        string? type = null;
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var key = reader.ValueIsEscaped ? reader.GetString() : null;
            reader.Read();
            if (Is(name, key, "op"u8))
            {
                op = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
            }
            else if (Is(name, key, "d"u8))
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                data = utf8[start..(int)reader.BytesConsumed].ToArray();
                continue;
            }
            else if (Is(name, key, "s"u8))
            {
                seq = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
            }
            else if (Is(name, key, "t"u8))
            {
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (Is(name, key, "id"u8))
            {
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        if (op is not { } opcode)
        {
            throw new FormatException("a gateway frame has no integer 'op'");
        }

        return new GatewayPayload((GatewayOpcode)opcode, data, seq, type, id);
    }

    /// <param name="key">The name unescaped, when it was written with escapes; otherwise <paramref name="name"/> is it.</param>
    private static bool Is(ReadOnlySpan<byte> name, string? key, ReadOnlySpan<byte> expected) =>
        key is null ? name.SequenceEqual(expected) : Encoding.UTF8.GetBytes(key).AsSpan().SequenceEqual(expected);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "Array",
        JsonTokenType.String => "String",
        JsonTokenType.Number => "Number",
        JsonTokenType.True or JsonTokenType.False => "Boolean",
        JsonTokenType.Null => "Null",
        _ => token.ToString(),
    };
}
