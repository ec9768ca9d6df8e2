using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>notify</c> / <c>poke</c>: <see cref="UserId"/> poked <see cref="TargetId"/>; <see cref="GroupId"/> is left out for a private poke.</summary>
public sealed record PokeNotice : NoticeEvent
{
    public override string NoticeType => "notify";

    public required long UserId { get; init; }

    public required long TargetId { get; init; }

    public long? GroupId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", "poke");
        if (GroupId is { } groupId)
        {
            writer.WriteField("group_id", groupId);
        }

        writer.WriteField("user_id", UserId);
        writer.WriteField("target_id", TargetId);
    }
}
