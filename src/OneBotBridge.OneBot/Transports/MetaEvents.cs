using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Transports;

internal enum LifecycleKind
{
    /// <summary>A WebSocket connection was established (sent first on it).</summary>
    Connect,

    /// <summary>An HTTP POST target starts receiving events.</summary>
    Enable,

    /// <summary>An HTTP POST target stops receiving events.</summary>
    Disable,
}

/// <summary>Builds the meta events the transports send on their own: lifecycle and heartbeat.</summary>
internal sealed class MetaEvents(BotState bot, TimeProvider time)
{
    public byte[] Lifecycle(LifecycleKind kind)
    {
        var meta = Envelope("lifecycle");
        meta["sub_type"] = kind switch
        {
            LifecycleKind.Connect => "connect",
            LifecycleKind.Enable => "enable",
            LifecycleKind.Disable => "disable",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return OneBotJson.Serialize(meta);
    }

    public byte[] Heartbeat(TimeSpan interval)
    {
        var meta = Envelope("heartbeat");
        meta["status"] = Status(bot);
        meta["interval"] = (long)interval.TotalMilliseconds;
        return OneBotJson.Serialize(meta);
    }

    /// <summary>The <c>get_status</c> data: the bridge is online, and good while the upstream QQ session is up.</summary>
    public static JObject Status(BotState bot) => new()
    {
        ["online"] = bot.Online,
        ["good"] = bot.Online && bot.Good,
    };

    private JObject Envelope(string metaEventType) => new()
    {
        ["time"] = time.GetUtcNow().ToUnixTimeSeconds(),
        ["self_id"] = bot.SelfId,
        ["post_type"] = "meta_event",
        ["meta_event_type"] = metaEventType,
    };
}
