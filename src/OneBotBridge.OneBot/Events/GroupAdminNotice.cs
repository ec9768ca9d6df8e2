using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_admin</c>: <see cref="SubType"/> is <c>set</c> or <c>unset</c>.</summary>
public sealed record GroupAdminNotice : NoticeEvent
{
    public override string NoticeType => "group_admin";

    public required string SubType { get; init; }

    public required long GroupId { get; init; }

    public required long UserId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", SubType);
        writer.WriteField("group_id", GroupId);
        writer.WriteField("user_id", UserId);
    }
}
