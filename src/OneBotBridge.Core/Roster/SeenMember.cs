namespace OneBotBridge.Core.Roster;

/// <summary>A user as seen speaking in one chat.</summary>
public sealed class SeenMember(long userId, string nickname, string card, string role, DateTimeOffset firstSeen, DateTimeOffset lastSeen)
{
    private long _lastSeenUtcTicks = lastSeen.UtcTicks;

    public long UserId => userId;

    public string Nickname => nickname;

    public string Card => card;

    public string Role => role;

    public DateTimeOffset FirstSeen => firstSeen;

    /// <summary>
    /// In UTC. <see cref="ChatRoster"/> moves it on in place: it changes with nearly every message, and a new record
    /// each time was an object that lived just long enough to be promoted.
    /// </summary>
    public DateTimeOffset LastSeen => new(Volatile.Read(ref _lastSeenUtcTicks), TimeSpan.Zero);

    internal void SeenAgainAt(DateTimeOffset at) => Volatile.Write(ref _lastSeenUtcTicks, at.UtcTicks);
}
