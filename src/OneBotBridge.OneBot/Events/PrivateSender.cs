using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>The <c>sender</c> of a private message; <see cref="Sex"/> is <c>male</c>, <c>female</c> or <c>unknown</c>.</summary>
public sealed record PrivateSender(long UserId, string Nickname)
{
    public string Sex { get; init; } = "unknown";

    public int Age { get; init; }

    internal void WriteJson(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteField("user_id", UserId);
        writer.WriteField("nickname", Nickname);
        writer.WriteField("sex", Sex);
        writer.WriteField("age", Age);
        writer.WriteEndObject();
    }
}
