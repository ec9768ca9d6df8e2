using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>A member joined or left a group (<see cref="GroupIncreaseNotice"/>, <see cref="GroupDecreaseNotice"/>): the same fields either way.</summary>
public abstract record GroupMembershipNotice : NoticeEvent
{
    public required string SubType { get; init; }

    public required long GroupId { get; init; }

    public required long OperatorId { get; init; }

    public required long UserId { get; init; }

    private protected sealed override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", SubType);
        writer.WriteField("group_id", GroupId);
        writer.WriteField("operator_id", OperatorId);
        writer.WriteField("user_id", UserId);
    }
}
