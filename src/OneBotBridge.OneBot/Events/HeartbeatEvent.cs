using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>meta_event_type: heartbeat</c>, every <see cref="Interval"/> milliseconds.</summary>
public sealed record HeartbeatEvent : MetaEvent
{
    public override string MetaEventType => "heartbeat";

    public required BotStatus Status { get; init; }

    /// <summary>Milliseconds until the next heartbeat.</summary>
    public required long Interval { get; init; }

    private protected override void WriteMetaFields(JsonWriter writer)
    {
        writer.WritePropertyName("status");
        Status.WriteJson(writer);
        writer.WriteField("interval", Interval);
    }
}
