namespace OneBotBridge.Core.Replies;

public enum HoldOutcome
{
    /// <summary>A message arrived in the conversation: pick a reply context again and send.</summary>
    Released,

    /// <summary>Nothing arrived within <see cref="HoldUnreplyableOptions.MaxAge"/>: fail the send.</summary>
    Expired,
}
