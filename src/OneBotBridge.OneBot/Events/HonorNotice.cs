using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>notify</c> / <c>honor</c>: <see cref="HonorType"/> is <c>talkative</c>, <c>performer</c> or <c>emotion</c>.</summary>
public sealed record HonorNotice : NoticeEvent
{
    public override string NoticeType => "notify";

    public required long GroupId { get; init; }

    public required string HonorType { get; init; }

    public required long UserId { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", "honor");
        writer.WriteField("group_id", GroupId);
        writer.WriteField("honor_type", HonorType);
        writer.WriteField("user_id", UserId);
    }
}
