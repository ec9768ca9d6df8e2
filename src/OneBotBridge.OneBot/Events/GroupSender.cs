using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>The <c>sender</c> of a group message; <see cref="Role"/> is <c>owner</c>, <c>admin</c> or <c>member</c>.</summary>
public sealed record GroupSender(long UserId, string Nickname)
{
    public string Card { get; init; } = "";

    public string Sex { get; init; } = "unknown";

    public int Age { get; init; }

    public string Area { get; init; } = "";

    public string Level { get; init; } = "";

    public string Role { get; init; } = "member";

    public string Title { get; init; } = "";

    internal void WriteJson(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteField("user_id", UserId);
        writer.WriteField("nickname", Nickname);
        writer.WriteField("card", Card);
        writer.WriteField("sex", Sex);
        writer.WriteField("age", Age);
        writer.WriteField("area", Area);
        writer.WriteField("level", Level);
        writer.WriteField("role", Role);
        writer.WriteField("title", Title);
        writer.WriteEndObject();
    }
}
