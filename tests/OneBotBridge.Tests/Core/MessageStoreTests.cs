using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Storage;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core;

public sealed class MessageStoreTests
{
    private readonly ManualTimeProvider _time = new();

    private MessageDraft Draft(string platformId, string content = "[]") =>
        new(platformId, ChatTarget.Group(553953180), 545453505, MessageDirection.Received, _time.GetUtcNow(), content);

    private MessageStore Create(IBridgeStore store, int cacheSize = 100, Random? random = null) =>
        new(store, new StorageOptions { MessageCacheSize = cacheSize }, _time, random);

    [Test]
    public async Task A_new_database_numbers_from_a_random_start_one_message_after_another()
    {
        using var first = Create(new InMemoryBridgeStore(), random: new Random(1));
        using var second = Create(new InMemoryBridgeStore(), random: new Random(2));

        var ids = new List<int>();
        for (var i = 0; i < 500; i++)
        {
            ids.Add(await first.RecordAsync(Draft($"ROBOT1.0_{i}"), default));
        }

        Assert.That(ids, Is.EqualTo(Enumerable.Range(ids[0], 500)));
        Assert.That(ids[0], Is.EqualTo(new Random(1).Next(1, int.MaxValue)));
        Assert.That(await second.RecordAsync(Draft("ROBOT1.0_0"), default), Is.EqualTo(new Random(2).Next(1, int.MaxValue)).And.Not.EqualTo(ids[0]));
    }

    [Test]
    public async Task After_a_restart_numbering_goes_on_a_gap_past_the_newest_stored_message_past_held_numbers()
    {
        const int Newest = 10;
        const int Start = Newest + MessageStore.RestartGap;
        var store = new InMemoryBridgeStore();
        // Held by messages stored earlier at numbers of their own (as by a bridge that hashed platform ids into numbers).
        foreach (var held in new[] { Start + 1, Start + 2, Start + 4 })
        {
            await store.SaveMessageAsync(MessageRecord.From(held, Draft($"ROBOT1.0_hashed{held}")), default);
        }

        await store.SaveMessageAsync(MessageRecord.From(Newest, Draft("ROBOT1.0_newest")), default);
        using var messages = Create(store);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await messages.RecordAsync(Draft($"ROBOT1.0_{i}"), default));
        }

        Assert.That(ids, Is.EqualTo(new[] { Start, Start + 3, Start + 5, Start + 6 }));
        Assert.That((await messages.FindAsync(Start + 2, default))?.PlatformMessageId, Is.EqualTo($"ROBOT1.0_hashed{Start + 2}"));
    }

    [Test]
    public async Task After_int32_max_numbering_wraps_to_the_first_free_number()
    {
        var store = new InMemoryBridgeStore();
        await store.SaveMessageAsync(MessageRecord.From(1, Draft("ROBOT1.0_one")), default);
        await store.SaveMessageAsync(MessageRecord.From(int.MaxValue - MessageStore.RestartGap, Draft("ROBOT1.0_newest")), default);
        using var messages = Create(store);

        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await messages.RecordAsync(Draft($"ROBOT1.0_{i}"), default));
        }

        Assert.That(ids, Is.EqualTo(new[] { int.MaxValue, 2, 3 }));
    }

    [Test]
    public async Task A_number_whose_save_failed_is_not_handed_out_again()
    {
        var store = new FailingFirstSaveStore();
        using var messages = Create(store, random: new Random(1));

        Assert.ThrowsAsync<IOException>(async () => await messages.RecordAsync(Draft("ROBOT1.0_lost"), default));
        var next = await messages.RecordAsync(Draft("ROBOT1.0_kept"), default);

        Assert.That(next, Is.EqualTo(store.FailedNumber + 1));
        Assert.That(await messages.FindByPlatformIdAsync("ROBOT1.0_lost", default), Is.Null);
    }

    [Test]
    public async Task A_message_seen_twice_keeps_its_first_number_and_record()
    {
        using var messages = Create(new InMemoryBridgeStore());

        var first = await messages.RecordAsync(Draft("ROBOT1.0_a", "first"), default);
        var again = await messages.RecordAsync(Draft("ROBOT1.0_a", "second"), default);

        Assert.That(again, Is.EqualTo(first));
        Assert.That((await messages.FindRecordAsync(first, default))?.Content, Is.EqualTo("first"));
    }

    [Test]
    public async Task The_cache_keeps_a_summary_and_the_content_is_read_from_the_store()
    {
        using var messages = Create(new InMemoryBridgeStore());
        var id = await messages.RecordAsync(Draft("ROBOT1.0_a", "hello"), default);

        var cached = await messages.FindAsync(id, default);
        var record = await messages.FindRecordAsync(id, default);

        Assert.That(cached, Is.Not.InstanceOf<MessageRecord>(), "a cached content would live as long as the cache entry");
        Assert.That(cached?.PlatformMessageId, Is.EqualTo("ROBOT1.0_a"));
        Assert.That(record?.Content, Is.EqualTo("hello"));
        Assert.That(record?.Summarize(), Is.EqualTo(cached));
    }

    [Test]
    public async Task Messages_are_found_both_ways_after_a_restart_and_beyond_the_cache()
    {
        using var database = new TempDatabase();
        var ids = new Dictionary<string, int>();
        await using (var store = await database.OpenAsync())
        {
            using var messages = Create(store, cacheSize: 2, random: new Random(1));
            foreach (var i in Enumerable.Range(0, 10))
            {
                ids[$"ROBOT1.0_{i}"] = await messages.RecordAsync(Draft($"ROBOT1.0_{i}", $"[{{\"type\":\"text\",\"data\":{{\"text\":\"{i}\"}}}}]"), default);
            }

            Assert.That((await messages.FindRecordAsync(ids["ROBOT1.0_0"], default))?.Content, Does.Contain("\"0\""), "evicted from the cache, read from the store");
        }

        await using (var store = await database.OpenAsync())
        {
            using var messages = Create(store);
            foreach (var (platformId, id) in ids)
            {
                var byId = await messages.FindAsync(id, default);
                var byPlatformId = await messages.FindByPlatformIdAsync(platformId, default);
                Assert.That(byId, Is.EqualTo(byPlatformId));
                Assert.That(byId!.PlatformMessageId, Is.EqualTo(platformId));
                Assert.That(byId.Target, Is.EqualTo(ChatTarget.Group(553953180)));
                Assert.That(byId.Time, Is.EqualTo(_time.GetUtcNow()));
            }

            Assert.That(await messages.RecordAsync(Draft("ROBOT1.0_3"), default), Is.EqualTo(ids["ROBOT1.0_3"]));
            Assert.That(await messages.RecordAsync(Draft("ROBOT1.0_new"), default), Is.EqualTo(ids["ROBOT1.0_9"] + MessageStore.RestartGap), "numbering goes on after the restart");
        }
    }

    [Test]
    public async Task Pruning_forgets_messages_older_than_the_retention()
    {
        var store = new InMemoryBridgeStore();
        using var messages = new MessageStore(store, new StorageOptions { MessageRetention = TimeSpan.FromDays(1), MessageCacheSize = 1 }, _time);
        var old = await messages.RecordAsync(Draft("ROBOT1.0_old"), default);
        _time.Advance(TimeSpan.FromDays(2));
        var recent = await messages.RecordAsync(Draft("ROBOT1.0_recent"), default);

        await messages.PruneAsync(default);

        Assert.That(await store.FindMessageAsync(old, default), Is.Null);
        Assert.That(await store.FindMessageAsync(recent, default), Is.Not.Null);
    }

    private sealed class FailingFirstSaveStore() : DelegatingBridgeStore(new InMemoryBridgeStore())
    {
        public int FailedNumber { get; private set; }

        public override Task SaveMessageAsync(MessageRecord message, CancellationToken cancellationToken)
        {
            if (FailedNumber != 0)
            {
                return base.SaveMessageAsync(message, cancellationToken);
            }

            FailedNumber = message.MessageId;
            return Task.FromException(new IOException("disk full"));
        }
    }
}
