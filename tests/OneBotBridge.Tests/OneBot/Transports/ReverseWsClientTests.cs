using System.Diagnostics;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.ReverseWs;

namespace OneBotBridge.Tests.OneBot.Transports;

[TestFixture]
[CancelAfter(30_000)]
public sealed class ReverseWsClientTests
{
    private FakeDispatcher _dispatcher = null!;
    private TestEventSource _events = null!;
    private BotState _bot = null!;
    private readonly List<IAsyncDisposable> _disposables = [];

    [SetUp]
    public void SetUp()
    {
        _dispatcher = new FakeDispatcher();
        _events = new TestEventSource();
        _bot = TransportTestKit.Bot();
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        _disposables.Clear();
    }

    [Test]
    public async Task UniversalSendsTheHeadersThenConnectFirstThenHeartbeats()
    {
        var framework = await StartFrameworkAsync();
        var stopwatch = Stopwatch.StartNew();
        await StartClientAsync(new ReverseWsOptions { Url = framework.Url(), AccessToken = "s3cret" }, TimeSpan.FromMilliseconds(100));

        var connection = await framework.NextConnectionAsync();
        var first = await connection.Socket.ReceiveAsync(TimeSpan.FromSeconds(1));
        var heartbeat = await connection.Socket.ReceiveAsync(TimeSpan.FromSeconds(1));

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1.5)));
        Assert.That(connection.Headers.Keys, Does.Contain("X-Self-ID").And.Contain("X-Client-Role"), "header names in exactly this casing");
        Assert.That(connection.Headers["X-Self-ID"], Is.EqualTo(FakeDispatcher.SelfId.ToString()));
        Assert.That(connection.Headers["X-Client-Role"], Is.EqualTo("Universal"));
        Assert.That(connection.Headers, Does.ContainKey("Authorization").WithValue("Bearer s3cret"));
        Assert.That(connection.Headers["User-Agent"], Does.StartWith("OneBotBridge/"));
        Assert.That((string?)first?["meta_event_type"], Is.EqualTo("lifecycle"));
        Assert.That((string?)first?["sub_type"], Is.EqualTo("connect"));
        Assert.That((string?)heartbeat?["meta_event_type"], Is.EqualTo("heartbeat"));
        Assert.That((long?)heartbeat?["interval"], Is.EqualTo(100));
    }

    [Test]
    public async Task UniversalAnswersActionsOnTheSameSocket()
    {
        var framework = await StartFrameworkAsync();
        await StartClientAsync(new ReverseWsOptions { Url = framework.Url() });
        var connection = await framework.NextConnectionAsync();
        await connection.Socket.ReceiveAsync();

        await connection.Socket.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = 42 });
        var response = await connection.Socket.ReceiveSkippingHeartbeatsAsync();

        Assert.That((long?)response?["data"]?["user_id"], Is.EqualTo(FakeDispatcher.SelfId));
        Assert.That(response?["echo"]?.Type, Is.EqualTo(JTokenType.Integer));
        Assert.That(connection.Headers.ContainsKey("Authorization"), Is.False, "no token, no Authorization header");
    }

    [Test]
    public async Task SplitOpensAnApiSocketAndAnEventSocket()
    {
        var framework = await StartFrameworkAsync();
        await StartClientAsync(new ReverseWsOptions
        {
            Role = ReverseWsRole.Split,
            ApiUrl = framework.Url("/onebot/api"),
            EventUrl = framework.Url("/onebot/event"),
        });

        var connections = new[] { await framework.NextConnectionAsync(), await framework.NextConnectionAsync() };
        var api = connections.Single(connection => connection.Path == "/onebot/api");
        var events = connections.Single(connection => connection.Path == "/onebot/event");
        Assert.That(api.Headers["X-Client-Role"], Is.EqualTo("API"));
        Assert.That(events.Headers["X-Client-Role"], Is.EqualTo("Event"));

        var connect = await events.Socket.ReceiveAsync(TimeSpan.FromSeconds(1));
        Assert.That((string?)connect?["sub_type"], Is.EqualTo("connect"));
        await TransportTestKit.EventuallyAsync(() => _events.SubscriberCount == 1);
        _events.PublishMessage(3);
        Assert.That((int?)(await events.Socket.ReceiveSkippingHeartbeatsAsync())?["message_id"], Is.EqualTo(3));

        await api.Socket.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = "a" });
        var first = await api.Socket.ReceiveAsync();
        Assert.That((string?)first?["echo"], Is.EqualTo("a"), "the API socket gets no connect, heartbeat or event");
    }

    [Test]
    public async Task AfterTheFrameworkDropsUsItRedialsAndDeliversWhatQueuedInOrder()
    {
        var framework = await StartFrameworkAsync();
        await StartClientAsync(new ReverseWsOptions { Url = framework.Url(), ReconnectInterval = TimeSpan.FromMilliseconds(100) });
        var first = await framework.NextConnectionAsync();
        Assert.That((string?)(await first.Socket.ReceiveAsync())?["sub_type"], Is.EqualTo("connect"));

        framework.Accepting = false;
        await first.DropAsync();
        Assert.That(await TransportTestKit.EventuallyAsync(() => framework.Refused > 0), Is.True, "it redials");
        for (var seq = 1; seq <= 5; seq++)
        {
            _events.PublishMessage(seq);
        }

        framework.Accepting = true;
        var second = await framework.NextConnectionAsync();

        await AssertConnectThenMessagesAsync(second, [1, 2, 3, 4, 5]);
    }

    [Test]
    public async Task ATargetDownAtStartUpIsRetriedAndGetsWhatQueued()
    {
        var port = TransportTestKit.FreePort();
        await StartClientAsync(new ReverseWsOptions
        {
            Url = $"ws://127.0.0.1:{port}/onebot",
            ReconnectInterval = TimeSpan.FromMilliseconds(100),
        });
        for (var seq = 1; seq <= 3; seq++)
        {
            _events.PublishMessage(seq);
        }

        var framework = await StartFrameworkAsync(port);
        var connection = await framework.NextConnectionAsync();

        await AssertConnectThenMessagesAsync(connection, [1, 2, 3]);
    }

    [Test]
    public async Task StoppingFlushesAndClosesWith1001()
    {
        var framework = await StartFrameworkAsync();
        var client = await StartClientAsync(new ReverseWsOptions { Url = framework.Url() });
        var connection = await framework.NextConnectionAsync();
        await connection.Socket.ReceiveAsync();
        await TransportTestKit.EventuallyAsync(() => _events.SubscriberCount == 1);
        _events.PublishMessage(1);

        var stopping = client.StopAsync(CancellationToken.None);
        var message = await connection.Socket.ReceiveAsync();
        var end = await connection.Socket.ReceiveAsync();
        await stopping;

        Assert.That((int?)message?["message_id"], Is.EqualTo(1));
        Assert.That(end, Is.Null);
        Assert.That(connection.Socket.Socket.CloseStatus, Is.EqualTo(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable));
    }

    private static async Task AssertConnectThenMessagesAsync(FrameworkConnection connection, int[] expected)
    {
        var connect = await connection.Socket.ReceiveAsync(TimeSpan.FromSeconds(1));
        Assert.That((string?)connect?["sub_type"], Is.EqualTo("connect"), "lifecycle connect comes first on every connection");
        var received = new List<int>();
        while (received.Count < expected.Length && await connection.Socket.ReceiveSkippingHeartbeatsAsync() is { } frame)
        {
            received.Add((int)frame["message_id"]!);
        }

        Assert.That(received, Is.EqualTo(expected));
    }

    private async Task<FakeFrameworkServer> StartFrameworkAsync(int port = 0)
    {
        var framework = await FakeFrameworkServer.StartAsync(port);
        _disposables.Add(framework);
        return framework;
    }

    private async Task<ReverseWsClient> StartClientAsync(ReverseWsOptions entry, TimeSpan? heartbeat = null)
    {
        var options = new OneBotOptions { HeartbeatInterval = heartbeat ?? TimeSpan.Zero, ReverseWs = [entry] };
        var client = new ReverseWsClient(
            entry, options, _dispatcher, _events, _bot, TimeProvider.System, TransportTestKit.Logging, TransportTestKit.Timings);
        _disposables.Add(client);
        await client.StartAsync(CancellationToken.None);
        return client;
    }
}
