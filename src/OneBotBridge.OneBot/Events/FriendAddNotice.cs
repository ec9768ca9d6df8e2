using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>friend_add</c>: a new friend.</summary>
public sealed record FriendAddNotice : NoticeEvent
{
    public override string NoticeType => "friend_add";

    public required long UserId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("user_id", UserId);
    }
}
