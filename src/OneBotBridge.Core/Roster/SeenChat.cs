using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Roster;

/// <summary>A chat the bot has seen traffic in; <paramref name="Name"/> is empty when the platform never said one.</summary>
public sealed record SeenChat(ChatTarget Target, string Name, DateTimeOffset LastSeen);
