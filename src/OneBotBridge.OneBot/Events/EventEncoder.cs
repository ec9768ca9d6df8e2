using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// Serializes an event once per message format in use (once in all for events without a message), so
/// every connection is handed the same bytes.
/// </summary>
public static class EventEncoder
{
    public static EncodedEvent Encode(OneBotEvent oneBotEvent)
    {
        if (oneBotEvent is not MessageEvent messageEvent)
        {
            return new EncodedEvent(Write(oneBotEvent, new EventWriteContext(MessageFormat.Array, RawMessage: null)));
        }

        // Each format is encoded at most once, and almost every deployment uses one: the CQ text is written per encoding.
        return new EncodedEvent(format => Write(oneBotEvent, new EventWriteContext(format, messageEvent.Message.ToCqString())));
    }

    private static byte[] Write(OneBotEvent oneBotEvent, EventWriteContext context) =>
        OneBotJson.Write((oneBotEvent, context), static (writer, state) => state.oneBotEvent.WriteJson(writer, state.context));
}
