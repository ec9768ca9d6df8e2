namespace OneBotBridge.Core.Chats;

/// <summary>Where a conversation takes place on the QQ platform.</summary>
public enum Scene
{
    /// <summary>A QQ group; appears downstream as a OneBot group.</summary>
    Group,

    /// <summary>A one-to-one chat with a QQ user; appears downstream as a private chat.</summary>
    C2C,

    /// <summary>A channel of a guild; appears downstream as a group.</summary>
    GuildChannel,

    /// <summary>A guild direct message; appears downstream as a private chat.</summary>
    GuildDirect,
}
