namespace OneBotBridge.Core.Chats;

/// <summary>
/// One conversation as frameworks see it: a group number for <see cref="Scene.Group"/> and
/// <see cref="Scene.GuildChannel"/>, a user number for <see cref="Scene.C2C"/> and <see cref="Scene.GuildDirect"/>.
/// </summary>
public readonly record struct ChatTarget(Scene Scene, long Number)
{
    public static ChatTarget Group(long groupNumber) => new(Scene.Group, groupNumber);

    public static ChatTarget C2C(long userNumber) => new(Scene.C2C, userNumber);

    public static ChatTarget GuildChannel(long channelNumber) => new(Scene.GuildChannel, channelNumber);

    public static ChatTarget GuildDirect(long userNumber) => new(Scene.GuildDirect, userNumber);

    /// <summary>Reads well inside an error message: "group 123456", "the private chat with user 42".</summary>
    public override string ToString() => Scene switch
    {
        Scene.Group => $"group {Number}",
        Scene.C2C => $"the private chat with user {Number}",
        Scene.GuildChannel => $"channel {Number}",
        Scene.GuildDirect => $"the direct messages with user {Number}",
        _ => $"{Scene} {Number}",
    };
}
