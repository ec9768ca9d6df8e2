using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Storage;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core;

public sealed class MessageStoreTests
{
    private readonly ManualTimeProvider _time = new();

    private MessageDraft Draft(string platformId, string content = "[]") =>
        new(platformId, ChatTarget.Group(553953180), 545453505, MessageDirection.Received, _time.GetUtcNow(), content);

    private MessageStore Create(IBridgeStore store, int cacheSize = 100) =>
        new(store, new StorageOptions { MessageCacheSize = cacheSize }, _time);

    [Test]
    public async Task Message_ids_are_positive_int32_pinned_and_the_same_in_two_fresh_stores()
    {
        using var first = Create(new InMemoryBridgeStore());
        using var second = Create(new InMemoryBridgeStore());

        var id = await first.RecordAsync(Draft("ROBOT1.0_DPLMsS1ni5abc!"), default);

        // SHA-256 of "msg:<platform id>" into [1, 2^31-1].
        Assert.That(id, Is.EqualTo(1614820874));
        Assert.That(await second.RecordAsync(Draft("ROBOT1.0_DPLMsS1ni5abc!"), default), Is.EqualTo(id));
        for (var i = 0; i < 500; i++)
        {
            Assert.That(await first.RecordAsync(Draft($"ROBOT1.0_{i}"), default), Is.Positive);
        }
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
    public async Task A_number_taken_by_another_message_is_probed_past()
    {
        var taken = (int)StableHash.Into(new NumberRange(1, int.MaxValue), "msg:ROBOT1.0_x", 0);
        var store = new InMemoryBridgeStore();
        await store.SaveMessageAsync(MessageRecord.From(taken, Draft("ROBOT1.0_squatter")), default);
        using var messages = Create(store);

        var id = await messages.RecordAsync(Draft("ROBOT1.0_x"), default);

        Assert.That(id, Is.Not.EqualTo(taken).And.Positive);
        Assert.That((await messages.FindAsync(id, default))?.PlatformMessageId, Is.EqualTo("ROBOT1.0_x"));
        Assert.That((await messages.FindAsync(taken, default))?.PlatformMessageId, Is.EqualTo("ROBOT1.0_squatter"));
    }

    [Test]
    public async Task Messages_are_found_both_ways_after_a_restart_and_beyond_the_cache()
    {
        using var database = new TempDatabase();
        var ids = new Dictionary<string, int>();
        await using (var store = await database.OpenAsync())
        {
            using var messages = Create(store, cacheSize: 2);
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

    [Test]
    public void The_stable_hash_is_what_the_pinned_numbers_say()
    {
        Assert.That(StableHash.Into(new NumberRange(1, int.MaxValue), "msg:ROBOT1.0_DPLMsS1ni5abc!", 0), Is.EqualTo(1614820874));
    }
}
