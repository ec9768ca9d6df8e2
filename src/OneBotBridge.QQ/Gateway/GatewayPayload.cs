using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// A gateway frame's envelope <c>{op, d, s, t, id}</c>. <see cref="Data"/> stays raw JSON: it may be
/// an object, <c>""</c>, a number, a bool or null.
/// </summary>
internal sealed record GatewayPayload(GatewayOpcode Op, JToken Data, long? Seq, string? Type, string? Id)
{
    /// <summary>Reads an envelope; a frame that is not one is a <see cref="FormatException"/> naming what is wrong.</summary>
    public static GatewayPayload Parse(ReadOnlySpan<byte> utf8)
    {
        JToken token;
        try
        {
            token = QQJson.Parse(utf8);
        }
        catch (JsonReaderException ex)
        {
            throw new FormatException($"a gateway frame is not JSON: {ex.Message}", ex);
        }

        if (token is not JObject frame)
        {
            throw new FormatException($"a gateway frame is a JSON {token.Type}, not an object");
        }

        if (frame["op"] is not JValue { Type: JTokenType.Integer } op)
        {
            throw new FormatException("a gateway frame has no integer 'op'");
        }

        return new GatewayPayload(
            (GatewayOpcode)(int)op,
            frame["d"] ?? JValue.CreateNull(),
            frame["s"] is JValue { Type: JTokenType.Integer } seq ? (long)seq : null,
            frame["t"] is JValue { Type: JTokenType.String } type ? (string?)type : null,
            frame["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null);
    }

    public GatewayDispatch ToDispatch(int shardId) => new(Type ?? "", Seq, Id, Data, shardId);
}
