using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_recall</c>: <see cref="OperatorId"/> recalled message <see cref="MessageId"/> sent by <see cref="UserId"/>.</summary>
public sealed record GroupRecallNotice : NoticeEvent
{
    public override string NoticeType => "group_recall";

    public required long GroupId { get; init; }

    public required long UserId { get; init; }

    public required long OperatorId { get; init; }

    public required int MessageId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("group_id", GroupId);
        writer.WriteField("user_id", UserId);
        writer.WriteField("operator_id", OperatorId);
        writer.WriteField("message_id", MessageId);
    }
}
