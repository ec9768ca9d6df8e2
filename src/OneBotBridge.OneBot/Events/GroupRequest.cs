using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>request_type: group</c>; <see cref="SubType"/> is <c>add</c> (a user asks to join) or <c>invite</c> (the bot is invited).</summary>
public sealed record GroupRequest : RequestEvent
{
    public override string RequestType => "group";

    public required string SubType { get; init; }

    public required long GroupId { get; init; }

    private protected override void WriteRequestFields(JsonWriter writer)
    {
        writer.WriteField("sub_type", SubType);
        writer.WriteField("group_id", GroupId);
    }
}
