using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// A OneBot v11 event: <c>time</c> (Unix seconds), <c>self_id</c>, <c>post_type</c> and the fields of
/// its kind. Turn it into bytes with <see cref="EventEncoder"/>.
/// </summary>
public abstract record OneBotEvent
{
    private protected OneBotEvent()
    {
    }

    public required long Time { get; init; }

    public required long SelfId { get; init; }

    public abstract string PostType { get; }

    /// <summary>
    /// Extension fields written after the standard ones, in order (e.g. <c>guild_id</c>,
    /// <c>group_name</c>, <c>target_id</c>). They must not repeat a standard field's name.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, JToken>> Extra { get; init; } = [];

    internal void WriteJson(JsonWriter writer, EventWriteContext context)
    {
        writer.WriteStartObject();
        writer.WriteField("time", Time);
        writer.WriteField("self_id", SelfId);
        writer.WriteField("post_type", PostType);
        WriteFields(writer, context);
        foreach (var (name, value) in Extra)
        {
            writer.WriteField(name, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the fields after <c>post_type</c>.</summary>
    private protected abstract void WriteFields(JsonWriter writer, EventWriteContext context);
}
