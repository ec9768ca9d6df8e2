using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Storage;
using OneBotBridge.Tests.Host;

namespace OneBotBridge.Tests.Core;

public sealed class SqliteBridgeStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 13, 15, 30, 0, TimeSpan.Zero);

    private static MessageRecord Message(int id) =>
        new(id, $"ROBOT1.0_{id}", ChatTarget.C2C(42), 42, MessageDirection.Sent, At, $"content {id}");

    [Test]
    public async Task The_database_is_created_in_WAL_mode_in_a_new_directory()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();

        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
    }

    [Test]
    public async Task Every_acknowledged_write_of_many_concurrent_writers_is_there_after_a_crash()
    {
        using var database = new TempDatabase();
        var crashed = await database.OpenAsync(batchSize: 32);

        var writes = Enumerable.Range(1, 3_000).Select(i => Task.Run(() => (i % 3) switch
        {
            0 => crashed.SaveMessageAsync(Message(i), default),
            1 => crashed.SaveIdMappingAsync(new IdMapping(new PlatformId(IdKind.UserOpenId, $"u{i}"), i), default),
            _ => crashed.SaveReplySourceAsync(new ReplySourceRecord(ReplySourceKind.Message, $"m{i}", ChatTarget.Group(1), 7, At, i, 1), default),
        }));
        await Task.WhenAll(writes);

        // The first store is never disposed, as if the process had died after the acknowledgements.
        await using (var store = await database.OpenAsync())
        {
            Assert.That(await store.LoadIdMappingsAsync(default), Has.Count.EqualTo(1_000));
            Assert.That(await store.LoadReplySourcesAsync(DateTimeOffset.MinValue, default), Has.Count.EqualTo(1_000));
            for (var i = 3; i <= 3_000; i += 3)
            {
                Assert.That(await store.FindMessageAsync(i, default), Is.EqualTo(Message(i)));
            }
        }

        await crashed.DisposeAsync();
    }

    [Test]
    public async Task The_log_is_checkpointed_into_the_database_while_the_writer_keeps_writing()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var empty = new FileInfo(database.Path).Length;

        // The writer never checkpoints in its commits; the checkpointer does after enough writes.
        await Task.WhenAll(Enumerable.Range(1, SqliteCheckpointer.WritesPerCheckpoint + 100).Select(i => store.SaveMessageAsync(Message(i), default)));

        await Poll.UntilAsync(() => new FileInfo(database.Path).Length > empty, "the messages to be copied from the WAL into the database file");
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM messages;";
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(SqliteCheckpointer.WritesPerCheckpoint + 100));
    }

    [Test]
    public async Task Writes_are_made_on_the_writers_own_thread_not_on_a_pool_thread_the_event_path_needs()
    {
        using var database = new TempDatabase();
        await (await database.OpenAsync()).DisposeAsync();
        var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        await connection.OpenAsync();
        await using var writer = new SqliteBatchWriter(connection, PlatformIdGenerations.Opening(connection), 256, 16, checkpointer: null, NullLogger.Instance);

        (bool OnPool, string? Name)? writingThread = null;
        await writer.WriteAsync(_ => writingThread = (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), CancellationToken.None);

        Assert.That(writingThread, Is.EqualTo((false, "SQLite writer")));
    }

    [Test]
    public async Task After_a_checkpoint_pass_the_writer_copies_the_rest_and_its_next_commit_starts_the_log_over()
    {
        using var database = new TempDatabase();
        await (await database.OpenAsync()).DisposeAsync();
        var connectionString = $"Data Source={database.Path};Pooling=False";
        using var flusher = new SqliteFileFlusher(database.Path);
        var checkpointer = new SqliteCheckpointer(connectionString, flusher, NullLogger.Instance);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint=0;");
        await using var writer = new SqliteBatchWriter(connection, PlatformIdGenerations.Opening(connection), 256, 10_000, checkpointer, NullLogger.Instance);

        // A reader keeps the pass from copying what is written after its snapshot, as appends during a pass would:
        // the pass leaves the rest of the log, and the log can only start over once the rest is copied too.
        await WriteMessagesAsync(writer, 1, 100);
        await using var reader = new SqliteConnection(connectionString);
        await reader.OpenAsync();
        await using var snapshot = reader.BeginTransaction(deferred: true);
        await ExecuteAsync(reader, "SELECT count(*) FROM messages;", snapshot);
        await WriteMessagesAsync(writer, 101, SqliteCheckpointer.WritesPerCheckpoint);
        await Poll.UntilAsync(() => checkpointer.PassesFinished > 0, "the checkpoint pass");
        var restartsBefore = LogRestarts(database.Path);
        await snapshot.RollbackAsync();

        await WriteMessagesAsync(writer, SqliteCheckpointer.WritesPerCheckpoint + 1, SqliteCheckpointer.WritesPerCheckpoint + 1);

        Assert.That(LogRestarts(database.Path), Is.EqualTo(restartsBefore + 1));
    }

    [Test]
    public async Task Disposing_commits_every_queued_write()
    {
        using var database = new TempDatabase();
        var store = await database.OpenAsync(batchSize: 8);
        var writes = Enumerable.Range(1, 100).Select(i => store.SaveMessageAsync(Message(i), default)).ToList();
        await store.DisposeAsync();

        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(5));
        await using var reopened = await database.OpenAsync();
        Assert.That(await reopened.FindMessageAsync(100, default), Is.EqualTo(Message(100)));
    }

    [Test]
    public async Task Text_outside_ASCII_is_stored_and_found_as_written()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var message = Message(7) with { PlatformMessageId = "ROBOT1.0_群消息", Content = "[{\"type\":\"text\",\"data\":{\"text\":\"你好 😀\"}}]" };

        await store.SaveMessageAsync(message, default);

        Assert.That(await store.FindMessageByPlatformIdAsync("ROBOT1.0_群消息", default), Is.EqualTo(message));
        Assert.That(await store.FindMessageAsync(7, default), Is.EqualTo(message));
    }

    [Test]
    public async Task A_failing_write_fails_alone_and_the_rest_of_its_batch_is_kept()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        await store.SaveMessageAsync(Message(1), default);

        var clash = store.SaveMessageAsync(Message(1) with { PlatformMessageId = "other" }, default);
        var fine = store.SaveMessageAsync(Message(2), default);

        Assert.ThrowsAsync<SqliteException>(() => clash);
        await fine;
        Assert.That(await store.FindMessageByPlatformIdAsync("other", default), Is.Null);
        Assert.That(await store.FindMessageAsync(2, default), Is.EqualTo(Message(2)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_received_message_is_a_reply_source_from_its_row_until_a_reply_saves_its_seq(bool sqlite)
    {
        using var database = new TempDatabase();
        await using IBridgeStore store = sqlite ? await database.OpenAsync() : new InMemoryBridgeStore();
        var unreplied = Message(1) with { Direction = MessageDirection.Received, Target = ChatTarget.Group(5), SenderNumber = 7 };
        var replied = Message(2) with { Direction = MessageDirection.Received, Time = At.AddSeconds(1) };
        var repliedSource = new ReplySourceRecord(ReplySourceKind.Message, replied.PlatformMessageId, replied.Target, 42, replied.Time, 2, 1);

        await store.SaveMessageAsync(unreplied, default);
        await store.SaveMessageAsync(replied, default);
        await store.SaveMessageAsync(Message(3), default);
        await store.SaveReplySourceAsync(repliedSource, default);

        Assert.That(await store.LoadReplySourcesAsync(At, default), Is.EqualTo(new[]
        {
            new ReplySourceRecord(ReplySourceKind.Message, unreplied.PlatformMessageId, ChatTarget.Group(5), 7, At, 0, 0),
            repliedSource,
        }));
        Assert.That(await store.LoadReplySourcesAsync(At.AddSeconds(1), default), Is.EqualTo(new[] { repliedSource }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Free_numbers_are_found_in_runs_between_the_held_ones(bool sqlite)
    {
        using var database = new TempDatabase();
        await using IBridgeStore store = sqlite ? await database.OpenAsync() : new InMemoryBridgeStore();
        Assert.That(await store.FindFreeMessageIdsAsync(1, default), Is.EqualTo(new FreeMessageIds(1, int.MaxValue)), "an empty store");

        foreach (var id in new[] { 5, 6, 7, 10, int.MaxValue - 1, int.MaxValue })
        {
            await store.SaveMessageAsync(Message(id), default);
        }

        Assert.That(await store.FindFreeMessageIdsAsync(1, default), Is.EqualTo(new FreeMessageIds(1, 4)));
        Assert.That(await store.FindFreeMessageIdsAsync(3, default), Is.EqualTo(new FreeMessageIds(3, 4)));
        Assert.That(await store.FindFreeMessageIdsAsync(5, default), Is.EqualTo(new FreeMessageIds(8, 9)), "from a held number, the run after it");
        Assert.That(await store.FindFreeMessageIdsAsync(10, default), Is.EqualTo(new FreeMessageIds(11, int.MaxValue - 2)));
        Assert.That(await store.FindFreeMessageIdsAsync(int.MaxValue - 1, default), Is.Null, "nothing free up to int.MaxValue");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_newest_message_is_the_one_stored_last_whatever_its_number(bool sqlite)
    {
        using var database = new TempDatabase();
        await using IBridgeStore store = sqlite ? await database.OpenAsync() : new InMemoryBridgeStore();
        Assert.That(await store.FindNewestMessageIdAsync(default), Is.Null);

        await store.SaveMessageAsync(Message(900), default);
        await store.SaveMessageAsync(Message(3) with { Time = At.AddDays(1) }, default);
        Assert.That(await store.FindNewestMessageIdAsync(default), Is.EqualTo(3));

        await store.PruneMessagesAsync(At.AddHours(1), default);
        Assert.That(await store.FindNewestMessageIdAsync(default), Is.EqualTo(3));
        await store.PruneMessagesAsync(At.AddDays(2), default);
        Assert.That(await store.FindNewestMessageIdAsync(default), Is.Null);
    }

    [Test]
    public async Task Stored_mappings_and_messages_keep_their_first_value_and_seqs_only_grow()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var id = new PlatformId(IdKind.GroupOpenId, "G");
        var source = new ReplySourceRecord(ReplySourceKind.Event, "e1", ChatTarget.Group(1), null, At, 5, 3);

        await store.SaveIdMappingAsync(new IdMapping(id, 1), default);
        await store.SaveIdMappingAsync(new IdMapping(id, 2), default);
        await store.SaveMessageAsync(Message(1), default);
        await store.SaveMessageAsync(Message(1) with { Content = "changed" }, default);
        await store.SaveReplySourceAsync(source, default);
        await store.SaveReplySourceAsync(source with { SeqHighWater = 2, Uses = 4 }, default);

        Assert.That(await store.LoadIdMappingsAsync(default), Is.EqualTo(new[] { new IdMapping(id, 1) }));
        Assert.That((await store.FindMessageAsync(1, default))?.Content, Is.EqualTo("content 1"));
        Assert.That(await store.LoadReplySourcesAsync(At, default), Is.EqualTo(new[] { source with { Uses = 4 } }));
        Assert.That(await store.LoadReplySourcesAsync(At.AddTicks(TimeSpan.TicksPerMillisecond), default), Is.Empty);
    }

    [Test]
    public async Task New_messages_are_stored_in_arrival_order_whatever_their_numbers()
    {
        using var database = new TempDatabase();
        await using (var store = await database.OpenAsync())
        {
            foreach (var id in new[] { 30, 10, 20 })
            {
                await store.SaveMessageAsync(Message(id), default);
            }
        }

        Assert.That(await MessageIdsInTableOrderAsync(database), Is.EqualTo(new[] { 30L, 10L, 20L }));
    }

    [Test]
    public async Task A_version_1_database_keeps_every_message_through_the_upgrade()
    {
        using var database = new TempDatabase();
        await WriteOlderDatabaseAsync(database, Version1Schema, """
            INSERT INTO messages VALUES (300, 'ROBOT1.0_300', 'group', 7, 42, 'received', 2000, 'second');
            INSERT INTO messages VALUES (100, 'ROBOT1.0_100', 'c2c', 42, 42, 'sent', 3000, 'third');
            INSERT INTO messages VALUES (200, 'ROBOT1.0_200', 'c2c', 42, 42, 'received', 1000, 'first');
            """);

        await using (var store = await database.OpenAsync())
        {
            Assert.That(new FileInfo(database.Path + "-wal").Length, Is.Zero, "the upgrade's copy is checkpointed out of the log");
            Assert.That(await store.FindMessageAsync(300, default), Is.EqualTo(new MessageRecord(
                300, "ROBOT1.0_300", ChatTarget.Group(7), 42, MessageDirection.Received, DateTimeOffset.FromUnixTimeMilliseconds(2000), "second")));
            Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_100", default))?.Content, Is.EqualTo("third"));
            Assert.That(
                (await store.LoadReplySourcesAsync(DateTimeOffset.FromUnixTimeMilliseconds(0), default)).Select(source => source.SourceId),
                Is.EqualTo(new[] { "ROBOT1.0_200", "ROBOT1.0_300" }));
            await store.SaveMessageAsync(Message(50), default);
        }

        Assert.That(await MessageIdsInTableOrderAsync(database), Is.EqualTo(new[] { 200L, 300L, 100L, 50L }));
        Assert.That(await SchemaVersionAsync(database), Is.EqualTo(3L));
    }

    [Test]
    public async Task A_version_2_database_keeps_every_message_and_its_arrival_order_through_the_upgrade()
    {
        using var database = new TempDatabase();
        await WriteOlderDatabaseAsync(database, Version2Schema, """
            INSERT INTO messages VALUES (4, 300, 'ROBOT1.0_300', 'group', 7, 42, 'received', 1000, 'first');
            INSERT INTO messages VALUES (70000, 100, 'ROBOT1.0_100', 'c2c', 42, 42, 'sent', 2000, 'second');
            """);

        await using (var store = await database.OpenAsync())
        {
            Assert.That(new FileInfo(database.Path + "-wal").Length, Is.Zero, "the upgrade's copy is checkpointed out of the log");
            Assert.That(await store.FindMessageAsync(300, default), Is.EqualTo(new MessageRecord(
                300, "ROBOT1.0_300", ChatTarget.Group(7), 42, MessageDirection.Received, DateTimeOffset.FromUnixTimeMilliseconds(1000), "first")));
            Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_100", default))?.Content, Is.EqualTo("second"));
            Assert.That(await store.FindNewestMessageIdAsync(default), Is.EqualTo(100));
            await store.SaveMessageAsync(Message(50), default);
        }

        Assert.That(await SeqsAsync(database), Is.EqualTo(new[] { (4L, 300L), (70000L, 100L), (70001L, 50L) }));
        Assert.That(await SchemaVersionAsync(database), Is.EqualTo(3L));
    }

    [Test]
    public async Task A_platform_id_stored_in_an_older_generation_keeps_its_first_record_across_a_restart()
    {
        using var database = new TempDatabase();
        await using (var store = await database.OpenAsync())
        {
            await store.SaveMessageAsync(Message(1), default);
        }

        // A row of a later generation, as 200,000 more messages would have left.
        await using (var connection = new SqliteConnection($"Data Source={database.Path}"))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                INSERT INTO messages VALUES (200000, 2, 'ROBOT1.0_2', 'c2c', 42, 42, 'sent', 0, 'content 2');
                """);
        }

        await using (var store = await database.OpenAsync())
        {
            Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_1", default))?.MessageId, Is.EqualTo(1));
            Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_2", default))?.MessageId, Is.EqualTo(2));
            Assert.That(await store.FindMessageByPlatformIdAsync("ROBOT1.0_3", default), Is.Null);

            await store.SaveMessageAsync(Message(9) with { PlatformMessageId = "ROBOT1.0_1" }, default);
            await store.SaveMessageAsync(Message(10), default);
            await store.SaveMessageAsync(Message(11) with { PlatformMessageId = "ROBOT1.0_10" }, default);

            Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_1", default))?.MessageId, Is.EqualTo(1));
            Assert.That(await store.FindMessageAsync(9, default), Is.Null);
            Assert.That(await store.FindMessageAsync(11, default), Is.Null, "a repeat in the same generation is not stored either");
        }

        Assert.That(await SeqsAsync(database), Is.EqualTo(new[] { (1L, 1L), (200000L, 2L), (200001L, 10L) }));
    }

    [Test]
    public async Task A_pruned_platform_id_is_stored_again_as_a_new_message()
    {
        using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        await store.SaveMessageAsync(Message(1), default);
        await store.PruneMessagesAsync(At.AddHours(1), default);

        await store.SaveMessageAsync(Message(2) with { PlatformMessageId = "ROBOT1.0_1", Time = At.AddHours(2) }, default);

        Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_1", default))?.MessageId, Is.EqualTo(2));
    }

    [Test]
    public async Task A_prune_forgets_only_generations_it_emptied_and_a_message_dated_ahead_keeps_none_after_it()
    {
        using var database = new TempDatabase();
        await SeedAsync(database, """
            INSERT INTO messages VALUES (1, 1, 'ROBOT1.0_ahead', 'c2c', 42, 42, 'received', 9000000000000, 'dated ahead');
            INSERT INTO messages VALUES (65536, 2, 'ROBOT1.0_2', 'c2c', 42, 42, 'received', 1000, 'old');
            INSERT INTO messages VALUES (131072, 3, 'ROBOT1.0_3', 'c2c', 42, 42, 'received', 1000, 'old');
            INSERT INTO messages VALUES (131073, 4, 'ROBOT1.0_4', 'c2c', 42, 42, 'received', 5000, 'kept');
            """);
        await using var harness = await WriterHarness.OpenAsync(database);

        await harness.Writer.WriteAsync(statements => statements.PruneMessages(DateTimeOffset.FromUnixTimeMilliseconds(2000)), default);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Generations.Numbers, Is.EqualTo(new long[] { 0, 2 }), "generation 1 is empty now");
            Assert.That(harness.Generations.MayHold("ROBOT1.0_4"), Is.EqualTo(new long[] { 2 }));
            Assert.That(harness.Generations.MayHold("ROBOT1.0_ahead"), Is.EqualTo(new long[] { 0 }));
        });

        await harness.Writer.WriteAsync(statements => statements.SaveMessage(Message(9) with { PlatformMessageId = "ROBOT1.0_4" }), default);
        Assert.That(await SeqsAsync(database), Is.EqualTo(new[] { (1L, 1L), (131073L, 4L) }), "a redelivery of a kept message is not stored twice");
    }

    [Test]
    public async Task A_prune_rolled_back_with_its_batch_keeps_every_generation()
    {
        using var database = new TempDatabase();
        await SeedAsync(database, """
            INSERT INTO messages VALUES (1, 1, 'ROBOT1.0_old', 'c2c', 42, 42, 'received', 1000, 'old');
            INSERT INTO messages VALUES (70000, 2, 'ROBOT1.0_new', 'c2c', 42, 42, 'received', 5000, 'new');
            CREATE TRIGGER boom BEFORE INSERT ON messages WHEN NEW.platform_id = 'ROBOT1.0_boom'
            BEGIN SELECT RAISE(ROLLBACK, 'boom'); END;
            """);
        await using var harness = await WriterHarness.OpenAsync(database);

        // The insert rolls back the whole batch.
        var (prune, boom) = await harness.InOneBatchAsync(
            statements => statements.PruneMessages(DateTimeOffset.FromUnixTimeMilliseconds(2000)),
            statements => statements.SaveMessage(Message(3) with { PlatformMessageId = "ROBOT1.0_boom" }));

        Assert.That(async () => await prune, Throws.Exception, "its batch could not commit");
        Assert.That(async () => await boom, Throws.InstanceOf<SqliteException>());
        await harness.Writer.WriteAsync(statements => statements.SaveMessage(Message(4)), default);
        Assert.Multiple(() =>
        {
            Assert.That(harness.Generations.Numbers, Is.EqualTo(new long[] { 0, 1 }));
            Assert.That(harness.Generations.MayHold("ROBOT1.0_old"), Is.EqualTo(new long[] { 0 }));
        });
        Assert.That(await SeqsAsync(database), Is.EqualTo(new[] { (1L, 1L), (70000L, 2L), (70002L, 4L) }));
    }

    [Test]
    public async Task A_prune_that_empties_the_generation_new_rows_go_to_keeps_its_filter()
    {
        using var database = new TempDatabase();
        await SeedAsync(database, "INSERT INTO messages VALUES (1, 1, 'ROBOT1.0_old', 'c2c', 42, 42, 'received', 1000, 'old');");
        await using var harness = await WriterHarness.OpenAsync(database);

        // The prune leaves generation 0 empty, then a new message goes into it.
        var (prune, save) = await harness.InOneBatchAsync(
            statements => statements.PruneMessages(DateTimeOffset.FromUnixTimeMilliseconds(2000)),
            statements => statements.SaveMessage(Message(5)));
        await Task.WhenAll(prune, save);

        Assert.That(harness.Generations.MayHold("ROBOT1.0_5"), Is.EqualTo(new long[] { 0 }));
        await harness.Writer.WriteAsync(statements => statements.SaveMessage(Message(6) with { PlatformMessageId = "ROBOT1.0_5" }), default);
        Assert.That(await SeqsAsync(database), Is.EqualTo(new[] { (2L, 5L) }), "a redelivery is not stored twice");
    }

    [Test]
    public async Task The_ids_stored_at_open_are_read_beside_the_store_and_then_trusted()
    {
        using var database = new TempDatabase();
        await SeedAsync(database, """
            INSERT INTO messages VALUES (1, 1, 'ROBOT1.0_1', 'c2c', 42, 42, 'received', 1000, 'first');
            INSERT INTO messages VALUES (140000, 2, 'ROBOT1.0_2', 'c2c', 42, 42, 'received', 1000, 'second');
            """);
        await using var store = await database.OpenAsync();

        await store.StoredIdsRead;

        Assert.Multiple(async () =>
        {
            Assert.That(store.PlatformIds.HasUnread, Is.False);
            Assert.That(store.PlatformIds.MayHold("ROBOT1.0_never"), Is.Empty);
            Assert.That(store.PlatformIds.MayHold("ROBOT1.0_2"), Is.EqualTo(new long[] { 2 }));
            Assert.That((await store.FindMessageByPlatformIdAsync("ROBOT1.0_1", default))?.Content, Is.EqualTo("first"));
        });
    }

    [Test]
    public async Task Until_the_stored_ids_are_read_every_stored_generation_may_hold_any_id()
    {
        using var database = new TempDatabase();
        await SeedAsync(database, """
            INSERT INTO messages VALUES (1, 1, 'ROBOT1.0_1', 'c2c', 42, 42, 'received', 1000, 'first');
            INSERT INTO messages VALUES (140000, 2, 'ROBOT1.0_2', 'c2c', 42, 42, 'received', 1000, 'second');
            """);
        await using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        await connection.OpenAsync();

        var generations = PlatformIdGenerations.Opening(connection);
        generations.Add(200000, "ROBOT1.0_3");

        Assert.Multiple(() =>
        {
            Assert.That(generations.MayHold("ROBOT1.0_never"), Is.EqualTo(new long[] { 2, 0 }), "generation 1 has no rows");
            Assert.That(generations.MayHold("ROBOT1.0_3"), Is.EqualTo(new long[] { 3, 2, 0 }), "a row written since counts as read");
        });

        Assert.That(generations.Load(connection, CancellationToken.None), Is.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(generations.MayHold("ROBOT1.0_never"), Is.Empty);
            Assert.That(generations.MayHold("ROBOT1.0_1"), Is.EqualTo(new long[] { 0 }));
            Assert.That(generations.MayHold("ROBOT1.0_3"), Is.EqualTo(new long[] { 3 }));
        });
    }

    [Test]
    public async Task Lookups_by_platform_id_seek_the_generation_index()
    {
        using var database = new TempDatabase();
        await (await database.OpenAsync()).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT content FROM messages WHERE {PlatformIdGenerations.InGeneration};";
        command.Parameters.AddWithValue("$generation", 0);
        command.Parameters.AddWithValue("$platform", "ROBOT1.0_1");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);

        Assert.That(reader.GetString(3), Does.Contain("USING INDEX messages_platform (<expr>=? AND platform_id=?)"));
    }

    [Test]
    public async Task A_platform_id_repeated_within_one_batch_is_stored_once()
    {
        using var database = new TempDatabase();
        await using (var store = await database.OpenAsync())
        {
            await Task.WhenAll(
                store.SaveMessageAsync(Message(1), default),
                store.SaveMessageAsync(Message(2) with { PlatformMessageId = "ROBOT1.0_1" }, default),
                store.SaveMessageAsync(Message(3), default));
        }

        Assert.That((await SeqsAsync(database)).Select(row => row.MessageId), Is.EqualTo(new[] { 1L, 3L }));
    }

    /// <summary>A database as an older bridge left it: its <paramref name="schema"/>, with <paramref name="rows"/>.</summary>
    private static async Task WriteOlderDatabaseAsync(TempDatabase database, string schema, string rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await ExecuteAsync(connection, schema);
        await ExecuteAsync(connection, rows);
    }

    private static async Task<object?> SchemaVersionAsync(TempDatabase database)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var version = connection.CreateCommand();
        version.CommandText = "SELECT version FROM schema_version;";
        return await version.ExecuteScalarAsync();
    }

    /// <summary>A store's schema with <paramref name="sql"/> run on it, closed again.</summary>
    private static async Task SeedAsync(TempDatabase database, string sql)
    {
        await (await database.OpenAsync()).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    /// <summary>The store's writer on its own, with the filters it keeps, for tests that hold or fail its batches.</summary>
    private sealed class WriterHarness(SqliteBatchWriter writer, PlatformIdGenerations generations) : IAsyncDisposable
    {
        public SqliteBatchWriter Writer { get; } = writer;

        public PlatformIdGenerations Generations { get; } = generations;

        public static async Task<WriterHarness> OpenAsync(TempDatabase database)
        {
            var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
            await connection.OpenAsync();
            var generations = PlatformIdGenerations.Opening(connection);
            generations.Load(connection, CancellationToken.None);
            return new WriterHarness(new SqliteBatchWriter(connection, generations, 256, 16, checkpointer: null, NullLogger.Instance), generations);
        }

        /// <summary>Makes both writes one batch: they queue while the writer is held inside the batch before.</summary>
        public async Task<(Task First, Task Second)> InOneBatchAsync(Action<SqliteWriteStatements> first, Action<SqliteWriteStatements> second)
        {
            using var started = new SemaphoreSlim(0);
            using var release = new SemaphoreSlim(0);
            var holder = Writer.WriteAsync(_ => { started.Release(); release.Wait(); }, default);
            await started.WaitAsync();
            var writes = (Writer.WriteAsync(first, default), Writer.WriteAsync(second, default));
            release.Release();
            await holder;
            return writes;
        }

        public ValueTask DisposeAsync() => Writer.DisposeAsync();
    }

    private static async Task<List<(long Seq, long MessageId)>> SeqsAsync(TempDatabase database)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, message_id FROM messages ORDER BY seq;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>The second schema: messages in arrival order, platform ids in an index of their own.</summary>
    private const string Version2Schema = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version (version) VALUES (2);
        CREATE TABLE id_map (
            kind TEXT NOT NULL, value TEXT NOT NULL, space TEXT NOT NULL, number INTEGER NOT NULL, PRIMARY KEY (kind, value));
        CREATE INDEX id_map_number ON id_map (space, number);
        CREATE TABLE messages (
            seq INTEGER PRIMARY KEY, message_id INTEGER NOT NULL UNIQUE, platform_id TEXT NOT NULL UNIQUE, scene TEXT NOT NULL,
            target INTEGER NOT NULL, sender INTEGER NOT NULL, direction TEXT NOT NULL, time_ms INTEGER NOT NULL, content TEXT NOT NULL);
        CREATE INDEX messages_time ON messages (time_ms);
        CREATE TABLE reply_sources (
            kind TEXT NOT NULL, source_id TEXT NOT NULL, scene TEXT NOT NULL, target INTEGER NOT NULL, sender INTEGER,
            received_at_ms INTEGER NOT NULL, seq_high_water INTEGER NOT NULL, uses INTEGER NOT NULL, PRIMARY KEY (kind, source_id));
        CREATE INDEX reply_sources_received ON reply_sources (received_at_ms);
        """;

    /// <summary>The first schema, as bridges before the arrival-order upgrade created it.</summary>
    private const string Version1Schema = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version (version) VALUES (1);
        CREATE TABLE id_map (
            kind TEXT NOT NULL, value TEXT NOT NULL, space TEXT NOT NULL, number INTEGER NOT NULL, PRIMARY KEY (kind, value));
        CREATE INDEX id_map_number ON id_map (space, number);
        CREATE TABLE messages (
            message_id INTEGER PRIMARY KEY, platform_id TEXT NOT NULL UNIQUE, scene TEXT NOT NULL, target INTEGER NOT NULL,
            sender INTEGER NOT NULL, direction TEXT NOT NULL, time_ms INTEGER NOT NULL, content TEXT NOT NULL);
        CREATE INDEX messages_time ON messages (time_ms);
        CREATE TABLE reply_sources (
            kind TEXT NOT NULL, source_id TEXT NOT NULL, scene TEXT NOT NULL, target INTEGER NOT NULL, sender INTEGER,
            received_at_ms INTEGER NOT NULL, seq_high_water INTEGER NOT NULL, uses INTEGER NOT NULL, PRIMARY KEY (kind, source_id));
        CREATE INDEX reply_sources_received ON reply_sources (received_at_ms);
        """;

    private static async Task<List<long>> MessageIdsInTableOrderAsync(TempDatabase database)
    {
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM messages ORDER BY rowid;";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    [Test]
    public async Task A_database_from_a_newer_bridge_is_refused_with_the_key_to_fix()
    {
        using var database = new TempDatabase();
        await (await database.OpenAsync()).DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={database.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => database.OpenAsync());

        Assert.That(error!.Message, Does.Contain("storage.path").And.Contain("schema version 99"));
    }

    private static Task WriteMessagesAsync(SqliteBatchWriter writer, int first, int last) =>
        Task.WhenAll(Enumerable.Range(first, last - first + 1).Select(i => writer.WriteAsync(statements => statements.SaveMessage(Message(i)), default)));

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteScalarAsync();
    }

    /// <summary>The WAL header's checkpoint sequence number: SQLite adds one each time the log starts over.</summary>
    private static uint LogRestarts(string databasePath)
    {
        var header = new byte[16];
        using (var log = new FileStream(databasePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            log.ReadExactly(header);
        }

        return BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }
}
