using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// The stable text written to storage for each enum value, so renaming a member never
/// corrupts a database.
/// </summary>
internal static class StorageTags
{
    public static string Of(Scene scene) => scene switch
    {
        Scene.Group => "group",
        Scene.C2C => "c2c",
        Scene.GuildChannel => "guild_channel",
        Scene.GuildDirect => "guild_direct",
        _ => throw new ArgumentOutOfRangeException(nameof(scene), scene, null),
    };

    public static Scene ParseScene(string tag) => tag switch
    {
        "group" => Scene.Group,
        "c2c" => Scene.C2C,
        "guild_channel" => Scene.GuildChannel,
        "guild_direct" => Scene.GuildDirect,
        _ => throw new InvalidDataException($"unknown scene '{tag}' in storage"),
    };

    public static string Of(IdSpace space) => space switch
    {
        IdSpace.User => "user",
        IdSpace.Group => "group",
        IdSpace.Guild => "guild",
        _ => throw new ArgumentOutOfRangeException(nameof(space), space, null),
    };

    public static string Of(MessageDirection direction) => direction switch
    {
        MessageDirection.Received => "received",
        MessageDirection.Sent => "sent",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static MessageDirection ParseDirection(string tag) => tag switch
    {
        "received" => MessageDirection.Received,
        "sent" => MessageDirection.Sent,
        _ => throw new InvalidDataException($"unknown message direction '{tag}' in storage"),
    };

    public static string Of(ReplySourceKind kind) => kind switch
    {
        ReplySourceKind.Message => "message",
        ReplySourceKind.Event => "event",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ReplySourceKind ParseReplySourceKind(string tag) => tag switch
    {
        "message" => ReplySourceKind.Message,
        "event" => ReplySourceKind.Event,
        _ => throw new InvalidDataException($"unknown reply source kind '{tag}' in storage"),
    };
}
