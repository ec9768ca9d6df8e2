using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_decrease</c>: a member left; <see cref="SubType"/> is <c>leave</c>, <c>kick</c> or <c>kick_me</c>.</summary>
public sealed record GroupDecreaseNotice : NoticeEvent
{
    public override string NoticeType => "group_decrease";

    public required string SubType { get; init; }

    public required long GroupId { get; init; }

    public required long OperatorId { get; init; }

    public required long UserId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", SubType);
        writer.WriteField("group_id", GroupId);
        writer.WriteField("operator_id", OperatorId);
        writer.WriteField("user_id", UserId);
    }
}
