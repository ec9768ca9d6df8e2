using Newtonsoft.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>message_type: private</c>; <see cref="SubType"/> is <c>friend</c>, <c>group</c> or <c>other</c>.</summary>
public sealed record PrivateMessageEvent : MessageEvent
{
    public override string MessageType => "private";

    public override string SubType { get; init; } = "friend";

    public required PrivateSender Sender { get; init; }

    private protected override void WriteSender(JsonWriter writer) => Sender.WriteJson(writer);

    private protected override void WriteTypeFields(JsonWriter writer)
    {
    }
}
