using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Roster;
using OneBotBridge.Hosting;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Host;

/// <summary>The bridge's memory in the host: loaded before start, pruned on a clock, flushed at the end.</summary>
public sealed class PersistentStateTests
{
    private static IHost BuildStateHost(TempDirectory data, TimeProvider? time = null, string extra = "")
    {
        var loaded = ConfigFiles.Load(data.StorageYaml + extra);
        Assert.That(loaded.Problems, Is.Empty);
        var builder = BridgeHostBuilder.Create(loaded.Configuration);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddBridgeState();
        return builder.Build();
    }

    [Test]
    public async Task A_prepared_host_serves_the_loaded_state_as_singletons()
    {
        using var data = new TempDirectory();
        using var host = BuildStateHost(data);

        await host.PrepareAsync(CancellationToken.None);

        var state = host.Services.GetRequiredService<PersistentState>();
        Assert.Multiple(() =>
        {
            Assert.That(host.Services.GetRequiredService<IdMap>(), Is.SameAs(state.Ids));
            Assert.That(host.Services.GetRequiredService<MessageStore>(), Is.SameAs(state.Messages));
            Assert.That(host.Services.GetRequiredService<global::OneBotBridge.Core.Replies.ReplyContextBook>(), Is.SameAs(state.Replies));
            Assert.That(host.Services.GetService<global::OneBotBridge.Core.Replies.PendingSends>(), Is.Not.Null);
            Assert.That(host.Services.GetService<ChatRoster>(), Is.Not.Null);
            Assert.That(File.Exists(data.Database), Is.True);
        });
    }

    [Test]
    public void State_used_before_the_host_is_prepared_says_what_to_do()
    {
        using var data = new TempDirectory();
        using var host = BuildStateHost(data);

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IdMap>());

        Assert.That(failure!.Message, Does.Contain("PrepareAsync"));
    }

    [Test]
    public async Task Ids_assigned_in_one_run_are_loaded_by_the_next()
    {
        using var data = new TempDirectory();
        long number;
        using (var first = BuildStateHost(data))
        {
            await first.PrepareAsync(CancellationToken.None);
            await first.StartAsync(CancellationToken.None);
            number = await first.Services.GetRequiredService<IdMap>().GetNumberAsync(new PlatformId(IdKind.GroupOpenId, "D4DE01234567890ABCDEF01234562B91"), CancellationToken.None);
            await first.StopAsync(CancellationToken.None);
        }

        using var second = BuildStateHost(data);
        await second.PrepareAsync(CancellationToken.None);
        var ids = second.Services.GetRequiredService<IdMap>();

        Assert.That(ids.Count, Is.EqualTo(1));
        Assert.That(ids.TryGetNumber(new PlatformId(IdKind.GroupOpenId, "D4DE01234567890ABCDEF01234562B91"), out var reloaded), Is.True);
        Assert.That(reloaded, Is.EqualTo(number));
    }

    [Test]
    public async Task Messages_past_their_retention_are_pruned_on_the_clock()
    {
        using var data = new TempDirectory();
        var clock = new ManualTimeProvider();
        using var host = BuildStateHost(data, clock, "  message_retention: 1h\n");
        await host.PrepareAsync(CancellationToken.None);
        await host.StartAsync(CancellationToken.None);
        var state = host.Services.GetRequiredService<PersistentState>();
        var target = ChatTarget.Group(123456);
        var old = await state.Messages.RecordAsync(
            new MessageDraft("ROBOT1.0_old!", target, 42, MessageDirection.Received, clock.GetUtcNow() - TimeSpan.FromHours(2), "[]"), CancellationToken.None);
        var recent = await state.Messages.RecordAsync(
            new MessageDraft("ROBOT1.0_recent!", target, 42, MessageDirection.Received, clock.GetUtcNow(), "[]"), CancellationToken.None);

        Assert.That(await state.Store.FindMessageAsync(old, CancellationToken.None), Is.Not.Null, "stored before pruning");

        clock.Advance(StateMaintenance.PruneInterval);
        await Poll.UntilAsync(() => state.Store.FindMessageAsync(old, CancellationToken.None).Result is null, "the old message to be pruned");

        Assert.That(await state.Store.FindMessageAsync(recent, CancellationToken.None), Is.Not.Null);
        await host.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Run_with_storage_that_cannot_be_opened_exits_1_naming_the_key()
    {
        using var data = new TempDirectory();
        var blocker = Path.Combine(data.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "");
        using var file = new TempConfigFile($"storage:\n  path: '{Path.Combine(blocker, "bridge.db")}'\nqq:\n  api_base: http://127.0.0.1:1\n  token_url: http://127.0.0.1:1/token\nonebot:\n  forward_ws: []\n");

        var result = await CliResult.InvokeAsync(
            ConfigFiles.Environment(("QQ_APP_ID", "1020"), ("QQ_CLIENT_SECRET", "state-secret-9")), CancellationToken.None, "run", "--config", file.Path)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Error, Does.Contain("fatal").And.Contain("storage.path").And.Contain(blocker));
    }
}
