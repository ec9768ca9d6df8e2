using Newtonsoft.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>request_type: friend</c>: <see cref="RequestEvent.UserId"/> wants to be friends.</summary>
public sealed record FriendRequest : RequestEvent
{
    public override string RequestType => "friend";

    private protected override void WriteRequestFields(JsonWriter writer)
    {
    }
}
