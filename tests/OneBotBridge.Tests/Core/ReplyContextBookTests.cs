using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Storage;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core;

public sealed class ReplyContextBookTests
{
    private const long Alice = 1001;
    private const long Bob = 1002;
    private static readonly ChatTarget Group = ChatTarget.Group(123456);
    private readonly ManualTimeProvider _time = new();

    private Task<ReplyContextBook> LoadAsync(IBridgeStore? store = null, ReplyOptions? options = null) =>
        ReplyContextBook.LoadAsync(store ?? new InMemoryBridgeStore(), options ?? new ReplyOptions(), _time, CancellationToken.None);

    private static async Task<ReplyContext> SelectAsync(ReplyContextBook book, ChatTarget target, long? sender = null, string? replyTo = null)
    {
        var selection = await book.SelectAsync(target, sender, replyTo, default);
        Assert.That(selection.Found, Is.True, selection.Failure);
        return selection.Context!;
    }

    /// <summary>A send as the sender makes it: the context, used once its use is stored.</summary>
    private static async Task<ReplyContext> SendAsync(ReplyContextBook book, ChatTarget target)
    {
        var selection = await book.SelectAsync(target, null, null, default);
        Assert.That(selection.Found, Is.True, selection.Failure);
        await selection.Stored;
        return selection.Context!;
    }

    [Test]
    public async Task The_replied_to_message_is_used_while_it_is_usable()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "m1", null);
        book.RecordMessage(Group, Bob, "m2", null);

        var context = await SelectAsync(book, Group, Bob, replyTo: "m1");

        Assert.That((context.MsgId, context.EventId, context.Seq), Is.EqualTo(("m1", (string?)null, 1)));
    }

    [Test]
    public async Task Without_a_reply_the_newest_message_of_the_preferred_user_wins_over_newer_ones_of_others()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "alice-1", null);
        book.RecordMessage(Group, Alice, "alice-2", null);
        book.RecordMessage(Group, Bob, "bob-1", null);

        Assert.That((await SelectAsync(book, Group, Alice)).MsgId, Is.EqualTo("alice-2"));
        Assert.That((await SelectAsync(book, Group, sender: 999)).MsgId, Is.EqualTo("bob-1"), "unknown user: newest in the group");
        Assert.That((await SelectAsync(book, Group)).MsgId, Is.EqualTo("bob-1"));
    }

    [Test]
    public async Task A_replied_to_message_from_another_conversation_or_past_its_window_falls_back_to_the_newest()
    {
        var book = await LoadAsync();
        book.RecordMessage(ChatTarget.Group(7), Alice, "elsewhere", null);
        book.RecordMessage(Group, Alice, "old", null);
        _time.Advance(TimeSpan.FromMinutes(4));
        book.RecordMessage(Group, Bob, "new", null);

        Assert.That((await SelectAsync(book, Group, replyTo: "elsewhere")).MsgId, Is.EqualTo("new"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await SelectAsync(book, Group, Alice, replyTo: "old")).MsgId, Is.EqualTo("new"));
    }

    [Test]
    public async Task A_group_message_expires_after_five_minutes_with_a_clear_reason()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "m1", null);

        _time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(50));
        Assert.That((await SelectAsync(book, Group)).MsgId, Is.EqualTo("m1"));
        _time.Advance(TimeSpan.FromSeconds(6));
        var selection = await book.SelectAsync(Group, Alice, null, default);

        Assert.That(selection.Found, Is.False);
        Assert.That(selection.Failure, Is.EqualTo("no message to reply to in the last 5 minutes in group 123456"));
    }

    [Test]
    public async Task A_C2C_message_stays_usable_for_an_hour()
    {
        var book = await LoadAsync();
        var chat = ChatTarget.C2C(Alice);
        book.RecordMessage(chat, Alice, "c1", null);

        _time.Advance(TimeSpan.FromMinutes(50));
        Assert.That((await SelectAsync(book, chat)).MsgId, Is.EqualTo("c1"));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.That((await book.SelectAsync(chat, null, null, default)).Failure,
            Is.EqualTo("no message to reply to in the last 60 minutes in the private chat with user 1001"));
    }

    [Test]
    public async Task The_window_runs_from_the_platform_timestamp()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "late", _time.GetUtcNow() - TimeSpan.FromMinutes(4));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That((await book.SelectAsync(Group, null, null, default)).Found, Is.False);
    }

    [Test]
    public async Task A_message_gives_five_replies_with_increasing_seqs_then_the_next_one_is_used()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "older", null);
        book.RecordMessage(Group, Alice, "newer", null);

        var seqs = new List<(string?, int)>();
        for (var i = 0; i < 7; i++)
        {
            var context = await SelectAsync(book, Group, Alice);
            seqs.Add((context.MsgId, context.Seq));
        }

        Assert.That(seqs, Is.EqualTo(new[]
        {
            ("newer", 1), ("newer", 2), ("newer", 3), ("newer", 4), ("newer", 5), ("older", 1), ("older", 2),
        }));
    }

    [Test]
    public async Task When_every_message_is_used_up_the_reason_says_so()
    {
        var book = await LoadAsync(options: new ReplyOptions { MaxPerMsgId = 2 });
        book.RecordMessage(Group, Alice, "m1", null);
        await SelectAsync(book, Group);
        await SelectAsync(book, Group);

        var selection = await book.SelectAsync(Group, null, null, default);

        Assert.That(selection.Failure, Is.EqualTo("every message to reply to in group 123456 from the last 5 minutes has had its 2 replies"));
    }

    [Test]
    public async Task Guild_channels_have_no_reply_limit()
    {
        var book = await LoadAsync();
        var channel = ChatTarget.GuildChannel(100010);
        book.RecordMessage(channel, Alice, "g1", null);

        for (var i = 1; i <= 12; i++)
        {
            Assert.That((await SelectAsync(book, channel)).Seq, Is.EqualTo(i));
        }
    }

    [Test]
    public async Task An_event_id_is_used_when_no_message_is_usable()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "m1", null);
        _time.Advance(TimeSpan.FromMinutes(6));
        await book.RecordEventAsync(Group, "GROUP_ADD_ROBOT:abc", null, default);

        var context = await SelectAsync(book, Group, Alice);

        Assert.That((context.EventId, context.MsgId, context.Seq), Is.EqualTo(("GROUP_ADD_ROBOT:abc", (string?)null, 1)));

        book.RecordMessage(Group, Bob, "m2", null);
        Assert.That((await SelectAsync(book, Group, Alice)).MsgId, Is.EqualTo("m2"), "a usable message beats an event");
    }

    [Test]
    public async Task A_duplicate_seq_retry_takes_a_fresh_seq_without_spending_a_reply()
    {
        var book = await LoadAsync(options: new ReplyOptions { MaxPerMsgId = 2 });
        book.RecordMessage(Group, Alice, "m1", null);

        var first = await SelectAsync(book, Group);
        var renewed = await book.RenewSeqAsync(first, default);
        var second = await SelectAsync(book, Group);

        Assert.That((first.Seq, renewed.Context?.Seq, second.Seq), Is.EqualTo((1, (int?)2, 3)));
        Assert.That((await book.SelectAsync(Group, null, null, default)).Found, Is.False);
    }

    [Test]
    public async Task A_source_the_platform_rejected_is_not_picked_again()
    {
        var book = await LoadAsync();
        book.RecordMessage(Group, Alice, "m1", null);
        book.RecordMessage(Group, Alice, "m2", null);

        book.MarkRejected(await SelectAsync(book, Group));

        Assert.That((await SelectAsync(book, Group)).MsgId, Is.EqualTo("m1"));
    }

    [Test]
    public async Task Seqs_are_never_reused_after_a_restart_or_a_crash()
    {
        using var database = new TempDatabase();
        var crashed = await database.OpenAsync();
        var book = await LoadAsync(crashed);
        book.RecordMessage(Group, Alice, "m1", null);
        Assert.That((await SendAsync(book, Group)).Seq, Is.EqualTo(1));
        Assert.That((await SendAsync(book, Group)).Seq, Is.EqualTo(2));

        // Crash: the first store is never disposed; only what it acknowledged may be relied on. Seqs 1 to 8 were
        // reserved with the source, so the restart goes on above them.
        await using (var store = await database.OpenAsync())
        {
            var restarted = await LoadAsync(store);
            Assert.That(await SendAsync(restarted, Group), Is.EqualTo(new ReplyContext(ReplySourceKind.Message, "m1", 9, Group)));
        }

        await using (var store = await database.OpenAsync())
        {
            var restarted = await LoadAsync(store);
            var context = await SendAsync(restarted, Group);
            Assert.That(context.Seq, Is.EqualTo(17), "seq 9 reserved up to 16");
            Assert.That((await restarted.RenewSeqAsync(context, default)).Context?.Seq, Is.EqualTo(18));
        }

        await using (var store = await database.OpenAsync())
        {
            var restarted = await LoadAsync(store);
            Assert.That((await SendAsync(restarted, Group)).Seq, Is.EqualTo(25), "seq 17 reserved up to 24");
            Assert.That((await restarted.SelectAsync(Group, null, null, default)).Found, Is.False, "five replies were spent across restarts");
        }

        await crashed.DisposeAsync();
    }

    [Test]
    public async Task A_send_waits_for_the_store_only_when_its_seq_leaves_the_reserved_block()
    {
        var store = new HeldReplySourceStore();
        var book = await LoadAsync(store, new ReplyOptions { MaxPerMsgId = 20 });
        book.RecordMessage(Group, Alice, "m1", null);

        for (var seq = 1; seq <= 8; seq++)
        {
            var selection = book.SelectAsync(Group, null, null, default);
            Assert.That(selection.IsCompletedSuccessfully, Is.True, $"seq {seq} lies in the block reserved with the message");
            Assert.That((await selection).Context?.Seq, Is.EqualTo(seq));
        }

        var ninth = book.SelectAsync(Group, null, null, default).AsTask();
        Assert.That(ninth.IsCompleted, Is.False, "seq 9 needs a new reservation in the store");

        await store.AcknowledgeAsync();
        Assert.That((await ninth).Context?.Seq, Is.EqualTo(9));
        Assert.That(store.Saved.Select(source => source.SeqHighWater), Is.EqualTo(new[] { 8, 8, 8, 8, 8, 8, 8, 8, 16 }));
    }

    [Test]
    public async Task After_a_reservation_failed_the_next_send_waits_for_a_write_of_its_own()
    {
        var store = new HeldReplySourceStore();
        var book = await LoadAsync(store, new ReplyOptions { MaxPerMsgId = 20 });
        book.RecordMessage(Group, Alice, "m1", null);
        for (var seq = 1; seq <= 8; seq++)
        {
            await book.SelectAsync(Group, null, null, default);
        }

        var ninth = book.SelectAsync(Group, null, null, default).AsTask();
        store.Fail();
        Assert.ThrowsAsync<IOException>(() => ninth);

        var tenth = book.SelectAsync(Group, null, null, default).AsTask();
        Assert.That(tenth.IsCompleted, Is.False, "seq 10 lies in a block the store never acknowledged");
        await store.AcknowledgeAsync();
        Assert.That((await tenth).Context?.Seq, Is.EqualTo(10));
        Assert.That(book.SelectAsync(Group, null, null, default).IsCompletedSuccessfully, Is.True, "seq 11 lies in the acknowledged block");
    }

    [Test]
    public async Task A_seq_whose_use_the_store_lost_in_a_crash_is_not_handed_out_again()
    {
        var crashed = new HeldReplySourceStore();
        var book = await LoadAsync(crashed);
        book.RecordMessage(Group, Alice, "m1", null);
        await crashed.SaveMessageAsync(new MessageRecord(1, "m1", Group, Alice, MessageDirection.Received, _time.GetUtcNow(), "hi"), default);

        var sent = await book.SelectAsync(Group, null, null, default);

        Assert.That((sent.Context?.Seq, sent.Stored.IsCompleted), Is.EqualTo(((int?)1, false)));
        var restarted = await LoadAsync(crashed.Inner);
        Assert.That((await SendAsync(restarted, Group)).Seq, Is.EqualTo(9));
    }

    [Test]
    public async Task Pruning_forgets_closed_windows_in_memory_and_in_the_store()
    {
        var store = new InMemoryBridgeStore();
        var book = await LoadAsync(store);
        book.RecordMessage(Group, Alice, "m1", null);
        _time.Advance(TimeSpan.FromHours(2));

        await book.PruneAsync(default);

        Assert.That(await store.LoadReplySourcesAsync(DateTimeOffset.MinValue, default), Is.Empty);
    }
}
