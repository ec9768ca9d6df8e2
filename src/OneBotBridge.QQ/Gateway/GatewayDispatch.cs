using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// One event from the platform, as it came in: its data stays raw JSON (<see cref="Utf8Data"/>) until the
/// code that knows <see cref="Type"/> reads it, as a tree (<see cref="Data"/>) or straight from the bytes.
/// <see cref="EventId"/> is the envelope <c>id</c> (usable as <c>event_id</c> for passive replies);
/// <see cref="Seq"/> is the gateway <c>s</c>, or <c>null</c> for webhook deliveries, which carry none.
/// </summary>
public sealed class GatewayDispatch
{
    private JToken? _data;

    public GatewayDispatch(string type, long? seq, string? eventId, ReadOnlyMemory<byte> utf8Data, int shardId = 0)
    {
        Type = type;
        Seq = seq;
        EventId = eventId;
        Utf8Data = utf8Data;
        ShardId = shardId;
    }

    public string Type { get; }

    public long? Seq { get; }

    public string? EventId { get; }

    public int ShardId { get; }

    /// <summary>The event's <c>d</c> as UTF-8 JSON text.</summary>
    public ReadOnlyMemory<byte> Utf8Data { get; }

    /// <summary>The event's <c>d</c> as a JSON tree, parsed on first use.</summary>
    public JToken Data => _data ??= QQJson.Parse(Utf8Data.Span);
}
