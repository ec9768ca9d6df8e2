using System.Collections.Concurrent;
using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Roster;

/// <summary>
/// Who the bot has seen where. The official API cannot list groups, friends or members, so the
/// info actions answer from this record of traffic (and say so).
/// </summary>
public sealed class ChatRoster
{
    private readonly ConcurrentDictionary<ChatTarget, SeenChat> _chats = new();
    private readonly ConcurrentDictionary<ChatTarget, ConcurrentDictionary<long, SeenMember>> _members = new();
    private readonly ConcurrentDictionary<long, SeenMember> _users = new();

    /// <summary>
    /// Records that <paramref name="userId"/> spoke in <paramref name="target"/> at <paramref name="at"/>. This runs for
    /// every message: a record whose names did not change is kept, its last-seen time moved on in place, since
    /// replacing long-lived records each time is work for the garbage collector.
    /// </summary>
    public void Saw(ChatTarget target, long userId, string nickname, string card, string role, DateTimeOffset at)
    {
        SawChat(target, at);
        var members = _members.GetOrAdd(target, static _ => new ConcurrentDictionary<long, SeenMember>());
        members.AddOrUpdate(
            userId,
            static (id, seen) => new SeenMember(id, seen.Nickname, seen.Card, seen.Role, seen.At, seen.At),
            static (_, known, seen) => Merge(known, seen.Nickname, seen.Card, seen.Role, seen.At),
            (Nickname: nickname, Card: card, Role: role, At: at));
        _users.AddOrUpdate(
            userId,
            static (id, seen) => new SeenMember(id, seen.Nickname, "", "", seen.At, seen.At),
            static (_, known, seen) => Merge(known, seen.Nickname, "", "", seen.At),
            (Nickname: nickname, At: at));
    }

    /// <summary>Records a chat without a speaker (e.g. the bot was added to a group).</summary>
    public void SawChat(ChatTarget target, DateTimeOffset at) =>
        _chats.AddOrUpdate(
            target,
            static (chat, at) => new SeenChat(chat, "", at),
            static (_, chat, at) => IsLaterSecond(at, chat.LastSeen) ? chat with { LastSeen = at } : chat,
            at);

    public void Forget(ChatTarget target)
    {
        _chats.TryRemove(target, out _);
        _members.TryRemove(target, out _);
    }

    public IReadOnlyList<SeenChat> Chats(Scene scene) =>
        _chats.Values.Where(c => c.Target.Scene == scene).OrderBy(c => c.Target.Number).ToList();

    public SeenChat? FindChat(ChatTarget target) => _chats.GetValueOrDefault(target);

    public IReadOnlyList<SeenMember> MembersOf(ChatTarget target) =>
        _members.TryGetValue(target, out var members) ? members.Values.OrderBy(m => m.UserId).ToList() : [];

    public SeenMember? FindMember(ChatTarget target, long userId) =>
        _members.TryGetValue(target, out var members) ? members.GetValueOrDefault(userId) : null;

    /// <summary>A user as seen anywhere, without chat-specific card and role.</summary>
    public SeenMember? FindUser(long userId) => _users.GetValueOrDefault(userId);

    private static SeenMember Merge(SeenMember known, string nickname, string card, string role, DateTimeOffset at)
    {
        var merged = (
            Nickname: nickname.Length > 0 ? nickname : known.Nickname,
            Card: card.Length > 0 ? card : known.Card,
            Role: role.Length > 0 ? role : known.Role,
            FirstSeen: at < known.FirstSeen ? at : known.FirstSeen);
        var lastSeen = at > known.LastSeen ? at : known.LastSeen;
        if (merged != (known.Nickname, known.Card, known.Role, known.FirstSeen))
        {
            return new SeenMember(known.UserId, merged.Nickname, merged.Card, merged.Role, merged.FirstSeen, lastSeen);
        }

        known.SeenAgainAt(lastSeen);
        return known;
    }

    private static bool IsLaterSecond(DateTimeOffset at, DateTimeOffset known) => at.ToUnixTimeSeconds() > known.ToUnixTimeSeconds();
}
