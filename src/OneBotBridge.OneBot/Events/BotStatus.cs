using Newtonsoft.Json;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// The <c>status</c> object of heartbeats, the same that <c>get_status</c> answers:
/// <see cref="Online"/> (the bridge is serving) and <see cref="Good"/> (the QQ session is ready).
/// </summary>
public sealed record BotStatus(bool Online, bool Good)
{
    public static BotStatus Of(BotState state) => new(state.Online, state.Good);

    internal void WriteJson(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteField("online", Online);
        writer.WriteField("good", Good);
        writer.WriteEndObject();
    }
}
