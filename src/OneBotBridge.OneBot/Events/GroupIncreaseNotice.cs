using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_increase</c>: a member joined; <see cref="SubType"/> is <c>approve</c> or <c>invite</c>.</summary>
public sealed record GroupIncreaseNotice : NoticeEvent
{
    public override string NoticeType => "group_increase";

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
