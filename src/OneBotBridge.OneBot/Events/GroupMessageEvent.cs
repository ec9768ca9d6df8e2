using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// <c>message_type: group</c>, with <c>group_id</c> and <c>anonymous: null</c> (QQ official bots
/// never see anonymous messages). <see cref="SubType"/> is <c>normal</c> or <c>notice</c>.
/// </summary>
public sealed record GroupMessageEvent : MessageEvent
{
    public override string MessageType => "group";

    public override string SubType { get; init; } = "normal";

    public required long GroupId { get; init; }

    public required GroupSender Sender { get; init; }

    private protected override void WriteSender(JsonWriter writer) => Sender.WriteJson(writer);

    private protected override void WriteTypeFields(JsonWriter writer)
    {
        writer.WriteField("group_id", GroupId);
        writer.WritePropertyName("anonymous");
        writer.WriteNull();
    }
}
