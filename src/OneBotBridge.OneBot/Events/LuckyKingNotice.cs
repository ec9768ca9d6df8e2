using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>notify</c> / <c>lucky_king</c>: <see cref="TargetId"/> got the largest share of <see cref="UserId"/>'s red packet.</summary>
public sealed record LuckyKingNotice : NoticeEvent
{
    public override string NoticeType => "notify";

    public required long GroupId { get; init; }

    public required long UserId { get; init; }

    public required long TargetId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", "lucky_king");
        writer.WriteField("group_id", GroupId);
        writer.WriteField("user_id", UserId);
        writer.WriteField("target_id", TargetId);
    }
}
