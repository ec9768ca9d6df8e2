namespace OneBotBridge.OneBot.Abstractions;

/// <summary>How the <c>message</c> field of events is written for a connection.</summary>
public enum MessageFormat
{
    /// <summary>An array of segment objects.</summary>
    Array,

    /// <summary>A CQ-code string.</summary>
    String,
}
