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
    /// replacing long-lived records each time is work for the garbage collector. Only the event path records sightings,
    /// one dispatch at a time, so nothing else replaces a record while its time is moved.
    /// </summary>
    public void Saw(ChatTarget target, long userId, string nickname, string card, string role, DateTimeOffset at)
    {
        SawChat(target, at);
        var members = _members.GetOrAdd(target, static _ => new ConcurrentDictionary<long, SeenMember>());
        if (!members.TryGetValue(userId, out var member) || !SeenAgain(member, nickname, card, role, at))
        {
            members.AddOrUpdate(
                userId,
                static (id, seen) => new SeenMember(id, seen.Nickname, seen.Card, seen.Role, seen.At, seen.At),
                static (_, known, seen) => Merge(known, seen.Nickname, seen.Card, seen.Role, seen.At),
                (Nickname: nickname, Card: card, Role: role, At: at));
        }

        if (!_users.TryGetValue(userId, out var user) || !SeenAgain(user, nickname, "", "", at))
        {
            _users.AddOrUpdate(
                userId,
                static (id, seen) => new SeenMember(id, seen.Nickname, "", "", seen.At, seen.At),
                static (_, known, seen) => Merge(known, seen.Nickname, "", "", seen.At),
                (Nickname: nickname, At: at));
        }
    }

    /// <summary>Records a chat without a speaker (e.g. the bot was added to a group).</summary>
    public void SawChat(ChatTarget target, DateTimeOffset at)
    {
        if (_chats.TryGetValue(target, out var known) && !IsLaterSecond(at, known.LastSeen))
        {
            return;
        }

        _chats.AddOrUpdate(
            target,
            static (chat, at) => new SeenChat(chat, "", at),
            static (_, chat, at) => IsLaterSecond(at, chat.LastSeen) ? chat with { LastSeen = at } : chat,
            at);
    }

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

    private static SeenMember Merge(SeenMember known, string nickname, string card, string role, DateTimeOffset at) =>
        SeenAgain(known, nickname, card, role, at)
            ? known
            : new SeenMember(
                known.UserId,
                nickname.Length > 0 ? nickname : known.Nickname,
                card.Length > 0 ? card : known.Card,
                role.Length > 0 ? role : known.Role,
                at < known.FirstSeen ? at : known.FirstSeen,
                at > known.LastSeen ? at : known.LastSeen);

    /// <summary>When a sighting changes nothing of <paramref name="known"/> but its last-seen time, moves that time on in place.</summary>
    private static bool SeenAgain(SeenMember known, string nickname, string card, string role, DateTimeOffset at)
    {
        var unchanged = (nickname.Length == 0 || nickname == known.Nickname)
            && (card.Length == 0 || card == known.Card)
            && (role.Length == 0 || role == known.Role)
            && at >= known.FirstSeen;
        if (unchanged && at > known.LastSeen)
        {
            known.SeenAgainAt(at);
        }

        return unchanged;
    }

    private static bool IsLaterSecond(DateTimeOffset at, DateTimeOffset known) => at.ToUnixTimeSeconds() > known.ToUnixTimeSeconds();
}
