using Newtonsoft.Json;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Json;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// <c>post_type: message</c>. Always carries every field NoneBot checks: <c>message_type, sub_type,
/// message_id, user_id, message, raw_message, font, sender</c>. <c>message</c> follows the
/// connection's format; <c>raw_message</c> is always the CQ string.
/// </summary>
public abstract record MessageEvent : OneBotEvent
{
    public sealed override string PostType => "message";

    public abstract string MessageType { get; }

    public abstract string SubType { get; init; }

    /// <summary>The bridge's id of the message: stable, resolvable by <c>get_msg</c> and <c>delete_msg</c>.</summary>
    public required int MessageId { get; init; }

    public required long UserId { get; init; }

    public required Message Message { get; init; }

    public int Font { get; init; }

    private protected sealed override void WriteFields(JsonWriter writer, EventWriteContext context)
    {
        var rawMessage = context.RawMessage ?? Message.ToCqString();
        writer.WriteField("message_type", MessageType);
        writer.WriteField("sub_type", SubType);
        writer.WriteField("message_id", MessageId);
        writer.WriteField("user_id", UserId);
        writer.WritePropertyName("message");
        if (context.MessageFormat == MessageFormat.Array)
        {
            Message.WriteJson(writer);
        }
        else
        {
            writer.WriteValue(rawMessage);
        }

        writer.WriteField("raw_message", rawMessage);
        writer.WriteField("font", Font);
        writer.WritePropertyName("sender");
        WriteSender(writer);
        WriteTypeFields(writer);
    }

    private protected abstract void WriteSender(JsonWriter writer);

    /// <summary>Fields of one message type, written after <c>sender</c>.</summary>
    private protected abstract void WriteTypeFields(JsonWriter writer);
}
