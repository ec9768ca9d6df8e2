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

    /// <summary>Records that <paramref name="userId"/> spoke in <paramref name="target"/> at <paramref name="at"/>.</summary>
    public void Saw(ChatTarget target, long userId, string nickname, string card, string role, DateTimeOffset at)
    {
        _chats.AddOrUpdate(
            target,
            _ => new SeenChat(target, "", at),
            (_, chat) => chat with { LastSeen = Later(chat.LastSeen, at) });

        var member = new SeenMember(userId, nickname, card, role, at, at);
        var members = _members.GetOrAdd(target, _ => new ConcurrentDictionary<long, SeenMember>());
        members.AddOrUpdate(userId, member, (_, seen) => Merge(seen, member));
        _users.AddOrUpdate(userId, member with { Card = "", Role = "" }, (_, seen) => Merge(seen, member with { Card = "", Role = "" }));
    }

    /// <summary>Records a chat without a speaker (e.g. the bot was added to a group).</summary>
    public void SawChat(ChatTarget target, DateTimeOffset at) =>
        _chats.AddOrUpdate(target, _ => new SeenChat(target, "", at), (_, chat) => chat with { LastSeen = Later(chat.LastSeen, at) });

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

    private static SeenMember Merge(SeenMember seen, SeenMember now) => new(
        seen.UserId,
        now.Nickname.Length > 0 ? now.Nickname : seen.Nickname,
        now.Card.Length > 0 ? now.Card : seen.Card,
        now.Role.Length > 0 ? now.Role : seen.Role,
        seen.FirstSeen < now.FirstSeen ? seen.FirstSeen : now.FirstSeen,
        Later(seen.LastSeen, now.LastSeen));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
