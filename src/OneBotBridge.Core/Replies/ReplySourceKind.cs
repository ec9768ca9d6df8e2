namespace OneBotBridge.Core.Replies;

/// <summary>What a passive reply refers to.</summary>
public enum ReplySourceKind
{
    /// <summary>A received message: the reply carries its <c>msg_id</c>.</summary>
    Message,

    /// <summary>A received event (group add, C2C receive, friend add, interaction): the reply carries its <c>event_id</c>.</summary>
    Event,
}
