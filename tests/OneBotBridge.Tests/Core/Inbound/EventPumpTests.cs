using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Inbound;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Roster;
using OneBotBridge.Core.Storage;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Events;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Tests.Host;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core.Inbound;

/// <summary>The event pump's two stages: events go out in arrival order, each only once its writes are stored.</summary>
public sealed class EventPumpTests
{
    [Test]
    public async Task Events_are_published_in_order_and_only_once_their_messages_are_stored()
    {
        await using var world = await PumpWorld.StartAsync();
        await world.PushAsync("first");
        await world.PushAsync("second");
        await Poll.UntilAsync(() => world.Store.PendingMessages == 2, "both messages to be numbered and on their way to the store");

        world.Store.Complete("ROBOT1.0_second");
        await Task.Yield();
        Assert.That(world.Published, Is.Empty, "the second event waits for the first, whose write is still open");

        world.Store.Complete("ROBOT1.0_first");
        await Poll.UntilAsync(() => world.Published.Count == 2, "both events");
        Assert.That(world.Published, Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public async Task An_event_whose_message_cannot_be_stored_is_skipped_and_later_ones_still_go_out()
    {
        await using var world = await PumpWorld.StartAsync();
        await world.PushAsync("lost");
        await world.PushAsync("kept");
        await Poll.UntilAsync(() => world.Store.PendingMessages == 2, "both messages on their way to the store");

        world.Store.Fail("ROBOT1.0_lost");
        world.Store.Complete("ROBOT1.0_kept");

        await Poll.UntilAsync(() => world.Published.Count == 1, "the stored event");
        Assert.That(world.Published, Is.EqualTo(new[] { "kept" }));
        Assert.That((world.Counters.Failed, world.Counters.Published), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public async Task Translation_runs_ahead_of_a_slow_store_by_several_batches()
    {
        await using var world = await PumpWorld.StartAsync();
        const int Pushed = 1_000;
        for (var i = 0; i < Pushed; i++)
        {
            await world.PushAsync($"m{i}");
        }

        await Poll.UntilAsync(() => world.Store.PendingMessages == Pushed, "every message numbered and on its way to the store, though none is stored yet");
        Assert.That(world.Published, Is.Empty);
    }

    /// <summary>A pump over in-memory state whose message writes complete when the test says so.</summary>
    private sealed class PumpWorld(
        HeldMessageStore store, Channel<GatewayDispatch> dispatches, EventPump pump, InboundCounters counters, RawMessages published) : IAsyncDisposable
    {
        private long _seq;

        public HeldMessageStore Store => store;

        public InboundCounters Counters => counters;

        public IReadOnlyList<string> Published => [.. published];

        public static async Task<PumpWorld> StartAsync()
        {
            var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            var store = new HeldMessageStore();
            var state = new InboundState(
                await IdMap.LoadAsync(store, new IdOptions(), NullLogger<IdMap>.Instance, CancellationToken.None),
                new MessageStore(store, new StorageOptions(), clock),
                await ReplyContextBook.LoadAsync(store, new ReplyOptions(), clock, CancellationToken.None),
                new PendingSends(new HoldUnreplyableOptions(), clock),
                new ChatRoster(),
                new BotState { SelfId = 102000001 },
                clock);
            var hub = new EventHub(NullLogger<EventHub>.Instance);
            var published = new RawMessages();
            hub.Subscribe(published);

            // Never called here: no interaction is pushed.
            var options = new QQOptions { AppId = "102000001", ClientSecret = "unused", ApiBase = "http://127.0.0.1:9" };
            var http = new HttpClient();
            var openApi = new QQOpenApiClient(
                http,
                new QQTokenSource(http, options, clock, NullLogger<QQTokenSource>.Instance, new HttpRetryOptions()),
                options,
                clock,
                NullLogger<QQOpenApiClient>.Instance,
                new HttpRetryOptions());

            var dispatches = Channel.CreateUnbounded<GatewayDispatch>();
            var counters = new InboundCounters();
            var pump = new EventPump(dispatches.Reader, new DispatchTranslator(state), hub, openApi, new InboundOptions(), counters, NullLogger<EventPump>.Instance);
            await pump.StartAsync(CancellationToken.None);
            return new PumpWorld(store, dispatches, pump, counters, published);
        }

        public async Task PushAsync(string text)
        {
            var seq = Interlocked.Increment(ref _seq);
            await dispatches.Writer.WriteAsync(new GatewayDispatch("C2C_MESSAGE_CREATE", seq, $"C2C_MESSAGE_CREATE:e{seq}", Encoding.UTF8.GetBytes(new JObject
            {
                ["id"] = $"ROBOT1.0_{text}",
                ["content"] = text,
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
                ["author"] = new JObject { ["id"] = "U1", ["user_openid"] = "U1" },
            }.ToString())));
        }

        public async ValueTask DisposeAsync()
        {
            dispatches.Writer.TryComplete();
            store.CompleteAll();
            await pump.StopAsync(CancellationToken.None);
            pump.Dispose();
        }
    }

    /// <summary>The <c>raw_message</c> of every published event, in publishing order.</summary>
    private sealed class RawMessages : ConcurrentQueue<string>, IEventSink
    {
        public void Offer(EncodedEvent encodedEvent) =>
            Enqueue((string)JObject.Parse(Encoding.UTF8.GetString(encodedEvent.For(MessageFormat.Array).Span))["raw_message"]!);
    }

    /// <summary>In-memory storage whose message saves stay open until completed or failed by the test.</summary>
    private sealed class HeldMessageStore() : DelegatingBridgeStore(new InMemoryBridgeStore())
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();

        public int PendingMessages => _held.Count(entry => !entry.Value.Task.IsCompleted);

        public void Complete(string platformMessageId) => _held[platformMessageId].SetResult();

        public void Fail(string platformMessageId) => _held[platformMessageId].SetException(new IOException("disk full"));

        public void CompleteAll()
        {
            foreach (var held in _held.Values)
            {
                held.TrySetResult();
            }
        }

        public override async Task SaveMessageAsync(MessageRecord message, CancellationToken cancellationToken)
        {
            var held = _held.GetOrAdd(message.PlatformMessageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            await held.Task;
            await Inner.SaveMessageAsync(message, cancellationToken);
        }
    }
}
