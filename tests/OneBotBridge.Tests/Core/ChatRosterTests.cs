using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Roster;

namespace OneBotBridge.Tests.Core;

public sealed class ChatRosterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 13, 15, 30, 0, TimeSpan.Zero);

    [Test]
    public void Remembers_members_per_chat_and_keeps_known_names_when_a_later_event_lacks_them()
    {
        var roster = new ChatRoster();
        var group = ChatTarget.Group(100);

        roster.Saw(group, 7, "Alice", "Captain", "admin", T0);
        roster.Saw(group, 7, "", "", "", T0.AddMinutes(1));
        roster.Saw(ChatTarget.Group(200), 8, "Bob", "", "member", T0);

        var alice = roster.FindMember(group, 7)!;
        Assert.That(
            (alice.UserId, alice.Nickname, alice.Card, alice.Role, alice.FirstSeen, alice.LastSeen),
            Is.EqualTo((7L, "Alice", "Captain", "admin", T0, T0.AddMinutes(1))));
        Assert.That(roster.MembersOf(group).Select(m => m.UserId), Is.EqualTo(new[] { 7L }));
        Assert.That(roster.Chats(Scene.Group).Select(c => c.Target.Number), Is.EqualTo(new[] { 100L, 200L }));
        Assert.That(roster.FindUser(7)!.Card, Is.Empty, "a user's card belongs to a chat, not to the user");
    }

    [Test]
    public void A_member_speaking_again_keeps_the_record_with_its_last_seen_moved_on_and_a_new_name_replaces_it()
    {
        var roster = new ChatRoster();
        var group = ChatTarget.Group(100);
        roster.Saw(group, 7, "Alice", "", "member", T0);
        var first = roster.FindMember(group, 7);
        var firstUser = roster.FindUser(7);

        roster.Saw(group, 7, "Alice", "", "member", T0.AddMilliseconds(900));
        Assert.That(roster.FindChat(group)!.LastSeen, Is.EqualTo(T0), "a chat moves on by the second");

        roster.Saw(group, 7, "Alice", "", "member", T0.AddSeconds(1));
        Assert.That(roster.FindMember(group, 7), Is.SameAs(first));
        Assert.That(roster.FindUser(7), Is.SameAs(firstUser));
        Assert.That(first!.LastSeen, Is.EqualTo(T0.AddSeconds(1)));
        Assert.That(firstUser!.LastSeen, Is.EqualTo(T0.AddSeconds(1)));
        Assert.That(roster.FindChat(group)!.LastSeen, Is.EqualTo(T0.AddSeconds(1)));

        roster.Saw(group, 7, "Alice", "", "member", T0);
        Assert.That(first.LastSeen, Is.EqualTo(T0.AddSeconds(1)), "an older message does not move it back");

        roster.Saw(group, 7, "Alicia", "", "member", T0.AddSeconds(2));
        Assert.That(roster.FindMember(group, 7)!.Nickname, Is.EqualTo("Alicia"));
        Assert.That(roster.FindMember(group, 7)!.LastSeen, Is.EqualTo(T0.AddSeconds(2)));
        Assert.That(roster.FindUser(7)!.Nickname, Is.EqualTo("Alicia"));
    }

    [Test]
    public void Forgetting_a_chat_drops_its_members()
    {
        var roster = new ChatRoster();
        var group = ChatTarget.Group(100);
        roster.Saw(group, 7, "Alice", "", "member", T0);

        roster.Forget(group);

        Assert.That(roster.FindChat(group), Is.Null);
        Assert.That(roster.MembersOf(group), Is.Empty);
        Assert.That(roster.FindUser(7), Is.Not.Null);
    }
}
