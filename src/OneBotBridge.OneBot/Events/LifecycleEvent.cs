using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// <c>meta_event_type: lifecycle</c>. <c>connect</c> goes out first on every event-carrying
/// WebSocket (NoneBot drops every frame until it arrives); <c>enable</c>/<c>disable</c> when the
/// bridge starts and stops serving.
/// </summary>
public sealed record LifecycleEvent : MetaEvent
{
    public const string Connect = "connect";
    public const string Enable = "enable";
    public const string Disable = "disable";

    public override string MetaEventType => "lifecycle";

    public required string SubType { get; init; }

    private protected override void WriteMetaFields(JsonWriter writer) => writer.WriteField("sub_type", SubType);
}
