using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_ban</c>: <see cref="SubType"/> is <c>ban</c> or <c>lift_ban</c>; <see cref="Duration"/> in seconds.</summary>
public sealed record GroupBanNotice : NoticeEvent
{
    public override string NoticeType => "group_ban";

    public required string SubType { get; init; }

    public required long GroupId { get; init; }

    public required long OperatorId { get; init; }

    public required long UserId { get; init; }

    public long Duration { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", SubType);
        writer.WriteField("group_id", GroupId);
        writer.WriteField("operator_id", OperatorId);
        writer.WriteField("user_id", UserId);
        writer.WriteField("duration", Duration);
    }
}
