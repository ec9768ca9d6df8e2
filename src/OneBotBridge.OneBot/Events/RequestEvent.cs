using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// <c>post_type: request</c>: someone asks the bot for something; the framework answers with
/// <c>set_friend_add_request</c> / <c>set_group_add_request</c> and the <see cref="Flag"/>.
/// </summary>
public abstract record RequestEvent : OneBotEvent
{
    public sealed override string PostType => "request";

    public abstract string RequestType { get; }

    public required long UserId { get; init; }

    public string Comment { get; init; } = "";

    public required string Flag { get; init; }

    private protected sealed override void WriteFields(JsonWriter writer, EventWriteContext context)
    {
        writer.WriteField("request_type", RequestType);
        WriteRequestFields(writer);
        writer.WriteField("user_id", UserId);
        writer.WriteField("comment", Comment);
        writer.WriteField("flag", Flag);
    }

    /// <summary>Writes the fields of one request type, after <c>request_type</c>.</summary>
    private protected abstract void WriteRequestFields(JsonWriter writer);
}
