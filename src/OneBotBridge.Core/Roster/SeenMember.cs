namespace OneBotBridge.Core.Roster;

/// <summary>A user as last seen speaking in one chat.</summary>
public sealed record SeenMember(long UserId, string Nickname, string Card, string Role, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
