using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>post_type: meta_event</c>: about the connection itself, not the chat.</summary>
public abstract record MetaEvent : OneBotEvent
{
    public sealed override string PostType => "meta_event";

    public abstract string MetaEventType { get; }

    private protected sealed override void WriteFields(JsonWriter writer, EventWriteContext context)
    {
        writer.WriteField("meta_event_type", MetaEventType);
        WriteMetaFields(writer);
    }

    private protected abstract void WriteMetaFields(JsonWriter writer);
}
