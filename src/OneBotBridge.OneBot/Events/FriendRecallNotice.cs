using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>friend_recall</c>: a friend recalled message <see cref="MessageId"/>.</summary>
public sealed record FriendRecallNotice : NoticeEvent
{
    public override string NoticeType => "friend_recall";

    public required long UserId { get; init; }

    public required int MessageId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("user_id", UserId);
        writer.WriteField("message_id", MessageId);
    }
}
