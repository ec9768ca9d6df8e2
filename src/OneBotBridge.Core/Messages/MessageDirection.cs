namespace OneBotBridge.Core.Messages;

public enum MessageDirection
{
    /// <summary>Received from the platform.</summary>
    Received,

    /// <summary>Sent by the bridge.</summary>
    Sent,
}
