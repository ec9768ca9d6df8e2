using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.ForwardWs;

namespace OneBotBridge.Tests.OneBot.Transports;

[TestFixture]
[CancelAfter(30_000)]
public sealed class ForwardWsServerTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(100);

    private FakeDispatcher _dispatcher = null!;
    private TestEventSource _events = null!;
    private BotState _bot = null!;
    private readonly List<ForwardWsServer> _servers = [];
    private readonly List<JsonWebSocket> _clients = [];

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
        _clients.ForEach(client => client.Dispose());
        _clients.Clear();
        foreach (var server in _servers)
        {
            await server.StopAsync(CancellationToken.None);
            await server.DisposeAsync();
        }

        _servers.Clear();
    }

    [TestCase("/")]
    [TestCase("/event")]
    [TestCase("/event/")]
    public async Task ConnectEventIsTheFirstFrameWithinOneSecond(string path)
    {
        var server = await StartAsync();
        var client = await ConnectAsync(server, path);
        var stopwatch = Stopwatch.StartNew();

        var first = await client.ReceiveAsync(TimeSpan.FromSeconds(1));

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(first, Is.Not.Null);
        Assert.That((string?)first!["post_type"], Is.EqualTo("meta_event"));
        Assert.That((string?)first["meta_event_type"], Is.EqualTo("lifecycle"));
        Assert.That((string?)first["sub_type"], Is.EqualTo("connect"));
        Assert.That((long?)first["self_id"], Is.EqualTo(FakeDispatcher.SelfId));
        Assert.That((long?)first["time"], Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(5));
    }

    [Test]
    public async Task HeartbeatsFollowAtTheIntervalWithTheBotStatus()
    {
        _bot.Good = false;
        var server = await StartAsync();
        var client = await ConnectAsync(server, "/");
        await client.ReceiveAsync(); // lifecycle connect

        var arrivals = new List<TimeSpan>();
        var stopwatch = Stopwatch.StartNew();
        JObject? heartbeat = null;
        for (var i = 0; i < 4; i++)
        {
            heartbeat = await client.ReceiveAsync(TimeSpan.FromSeconds(1));
            arrivals.Add(stopwatch.Elapsed);
            Assert.That((string?)heartbeat?["meta_event_type"], Is.EqualTo("heartbeat"));
        }

        Assert.That((long?)heartbeat!["interval"], Is.EqualTo(100));
        Assert.That((string?)heartbeat["post_type"], Is.EqualTo("meta_event"));
        Assert.That((long?)heartbeat["self_id"], Is.EqualTo(FakeDispatcher.SelfId));
        Assert.That(heartbeat["status"], Is.EqualTo(new JObject { ["online"] = true, ["good"] = false }).Using<JToken>(JToken.DeepEquals));
        var perBeat = (arrivals[^1] - arrivals[0]) / (arrivals.Count - 1);
        Assert.That(perBeat, Is.InRange(TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(250)));

        _bot.Good = true;
        var recovered = await client.ReceiveAsync(TimeSpan.FromSeconds(1));
        Assert.That((bool?)recovered?["status"]?["good"], Is.True);
    }

    [Test]
    public async Task ApiPathGetsNeitherConnectNorHeartbeatsNorEvents()
    {
        var server = await StartAsync();
        var universal = await ConnectAsync(server, "/");
        var api = await ConnectAsync(server, "/api/");
        Assert.That(await universal.ReceiveAsync(), Is.Not.Null); // connect
        await WaitForSubscribersAsync(1);
        _events.PublishMessage(1);
        // Two heartbeats on "/" prove the /api socket had the time to get one too.
        for (var beats = 0; beats < 2;)
        {
            var frame = await universal.ReceiveAsync();
            beats += (string?)frame?["meta_event_type"] == "heartbeat" ? 1 : 0;
        }

        await api.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = "first" });
        var first = await api.ReceiveAsync();

        Assert.That((string?)first?["echo"], Is.EqualTo("first"));
        Assert.That((long?)first?["data"]?["user_id"], Is.EqualTo(FakeDispatcher.SelfId));
    }

    [Test]
    public async Task EventsGoToUniversalAndEventInEachConnectionsFormat()
    {
        var server = await StartAsync(configure: (_, entry) => entry.MessageFormat = MessageFormat.String);
        var universal = await ConnectAsync(server, "/");
        var events = await ConnectAsync(server, "/event");
        await universal.ReceiveAsync();
        await events.ReceiveAsync();
        await WaitForSubscribersAsync(2);

        _events.PublishMessage(7, "hello");

        foreach (var client in new[] { universal, events })
        {
            var message = await client.ReceiveSkippingHeartbeatsAsync();
            Assert.That((int?)message?["message_id"], Is.EqualTo(7));
            Assert.That(message?["message"]?.Type, Is.EqualTo(JTokenType.String), "the entry overrides message_format to string");
            Assert.That((string?)message?["message"], Is.EqualTo("hello"));
        }
    }

    [TestCase(null, null, HttpStatusCode.Unauthorized)]
    [TestCase("Bearer wrong", null, HttpStatusCode.Forbidden)]
    [TestCase(null, "wrong", HttpStatusCode.Forbidden)]
    [TestCase("Bearer wrong", "s3cret", HttpStatusCode.Forbidden)]
    [TestCase("Basic czNjcmV0", null, HttpStatusCode.Forbidden)]
    public async Task UpgradeIsRefusedBeforeTheHandshakeWithoutTheRightToken(string? authorization, string? query, HttpStatusCode expected)
    {
        var server = await StartAsync(configure: (options, _) => options.AccessToken = "s3cret");

        var failure = Assert.ThrowsAsync<WebSocketException>(async () =>
            await ConnectAsync(server, "/", authorization, query));

        Assert.That(failure!.Message, Does.Contain(((int)expected).ToString()));
        Assert.That(_events.SubscriberCount, Is.Zero);
    }

    [TestCase("Bearer s3cret", null)]
    [TestCase("bearer s3cret", null)]
    [TestCase("Token s3cret", null)]
    [TestCase("TOKEN s3cret", null)]
    [TestCase(null, "s3cret")]
    [TestCase("Bearer s3cret", "wrong")]
    public async Task UpgradeIsAcceptedWithTheRightToken(string? authorization, string? query)
    {
        var server = await StartAsync(configure: (_, entry) => entry.AccessToken = "s3cret");

        var client = await ConnectAsync(server, "/event", authorization, query);

        Assert.That((string?)(await client.ReceiveAsync())?["sub_type"], Is.EqualTo("connect"));
    }

    [Test]
    public async Task NoTokenConfiguredMeansNoCheck()
    {
        var server = await StartAsync();

        var client = await ConnectAsync(server, "/", "Token undefined");

        Assert.That((string?)(await client.ReceiveAsync())?["sub_type"], Is.EqualTo("connect"));
    }

    [Test]
    public async Task ResponsesCarryTheEchoWithItsJsonType()
    {
        using var protocol = new RealProtocol(_bot);
        var server = await StartAsync(dispatcher: protocol.Dispatcher);
        var api = await ConnectAsync(server, "/api");
        JToken[] echoes = ["123", 123, new JObject { ["seq"] = 1 }, JValue.CreateNull()];

        foreach (var echo in echoes)
        {
            await api.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = echo });
            var response = await api.ReceiveAsync();
            Assert.That(response?["echo"], Is.EqualTo(echo).Using<JToken>(JToken.DeepEquals));
            Assert.That(response!["echo"]!.Type, Is.EqualTo(echo.Type));
        }

        await api.SendAsync(new JObject { ["action"] = "get_login_info" });
        Assert.That((await api.ReceiveAsync())?.ContainsKey("echo"), Is.False);

        await api.SendAsync(new JObject { ["action"] = "no_such_action", ["echo"] = "404" });
        var unknown = await api.ReceiveAsync();
        Assert.That((int?)unknown?["retcode"], Is.EqualTo(Retcode.UnknownAction));
        Assert.That((string?)unknown?["echo"], Is.EqualTo("404"));
    }

    [Test]
    public async Task ASlowActionDoesNotHoldUpTheNextFrame()
    {
        var server = await StartAsync();
        var api = await ConnectAsync(server, "/api");

        await api.SendAsync(new JObject { ["action"] = "slow", ["echo"] = "slow" });
        await api.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = "fast" });

        Assert.That((string?)(await api.ReceiveAsync())?["echo"], Is.EqualTo("fast"));
        _dispatcher.ReleaseSlow();
        Assert.That((string?)(await api.ReceiveAsync())?["echo"], Is.EqualTo("slow"));
    }

    [Test]
    public async Task AStalledReaderIsClosedWithoutDelayingAFastOne()
    {
        const int events = 300;
        const int eventBytes = 64 * 1024;
        var server = await StartAsync(heartbeat: TimeSpan.Zero, configure: (_, entry) => entry.OutboxCapacity = 8);
        var stalled = await ConnectAsync(server, "/event");
        var fast = await ConnectAsync(server, "/event");
        await WaitForSubscribersAsync(2);
        var fastSeen = Channel.CreateBounded<int>(events);
        var fastReading = ForwardSequenceAsync(fast, fastSeen.Writer);

        // Each event waits for the fast reader before the next: it keeps up, the stalled one cannot.
        var slowest = TimeSpan.Zero;
        for (var seq = 1; seq <= events; seq++)
        {
            var delivery = Stopwatch.StartNew();
            _events.PublishLarge(seq, eventBytes);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            Assert.That(await fastSeen.Reader.ReadAsync(wait.Token), Is.EqualTo(seq), "the fast reader gets every event, in order");
            slowest = delivery.Elapsed > slowest ? delivery.Elapsed : slowest;
        }

        Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(1)), "the stalled reader never delayed the fast one");
        Assert.That(await TransportTestKit.EventuallyAsync(() => _events.SubscriberCount == 1), Is.True, "the stalled reader was dropped");
        fast.Socket.Abort();
        await fastReading;

        var stalledSeen = 0;
        WebSocketCloseStatus? closeStatus = null;
        try
        {
            while (await stalled.ReceiveAsync() is { } frame)
            {
                stalledSeen += frame.ContainsKey("seq") ? 1 : 0;
            }

            closeStatus = stalled.Socket.CloseStatus;
        }
        catch (WebSocketException)
        {
            // Aborted: the close frame could not get past the unread data.
        }

        Assert.That(stalledSeen, Is.LessThan(events));
        Assert.That(closeStatus, Is.Null.Or.EqualTo(WebSocketCloseStatus.PolicyViolation));
    }

    [Test]
    public async Task StoppingFlushesQueuedEventsAndClosesWith1001()
    {
        var server = await StartAsync(heartbeat: TimeSpan.Zero);
        var client = await ConnectAsync(server, "/event");
        await client.ReceiveAsync();
        await WaitForSubscribersAsync(1);
        for (var seq = 1; seq <= 20; seq++)
        {
            _events.PublishMessage(seq);
        }

        var stopping = server.StopAsync(CancellationToken.None);
        var received = new List<int>();
        while (await client.ReceiveAsync() is { } frame)
        {
            received.Add((int)frame["message_id"]!);
        }

        await stopping;
        Assert.That(received, Is.EqualTo(Enumerable.Range(1, 20)));
        Assert.That(client.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
    }

    [Test]
    public async Task UnknownPathsAndPlainHttpAreRefused()
    {
        var server = await StartAsync();
        using var http = new HttpClient();

        var unknown = await http.GetAsync(new Uri(server.Address, "/other"));
        var plain = await http.GetAsync(new Uri(server.Address, "/"));

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.UpgradeRequired));
    }

    private static async Task ForwardSequenceAsync(JsonWebSocket client, ChannelWriter<int> seen)
    {
        try
        {
            while (await client.ReceiveAsync(TimeSpan.FromSeconds(10)) is { } frame)
            {
                if (frame["seq"] is { } seq)
                {
                    await seen.WriteAsync((int)seq);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The test aborts the socket when it is done.
        }
    }

    private Task WaitForSubscribersAsync(int count) =>
        TransportTestKit.EventuallyAsync(() => _events.SubscriberCount == count);

    private async Task<ForwardWsServer> StartAsync(
        TimeSpan? heartbeat = null, Action<OneBotOptions, ForwardWsOptions>? configure = null, IActionDispatcher? dispatcher = null)
    {
        var entry = new ForwardWsOptions { Listen = "127.0.0.1:0" };
        var options = new OneBotOptions { HeartbeatInterval = heartbeat ?? Heartbeat, ForwardWs = [entry] };
        configure?.Invoke(options, entry);
        var server = new ForwardWsServer(
            entry, options, dispatcher ?? _dispatcher, _events, _bot, TimeProvider.System, TransportTestKit.Logging, TransportTestKit.Timings);
        _servers.Add(server);
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private async Task<JsonWebSocket> ConnectAsync(
        ForwardWsServer server, string path, string? authorization = null, string? query = null)
    {
        var uri = new UriBuilder(server.Address) { Scheme = "ws", Path = path, Query = query is null ? "" : $"access_token={query}" }.Uri;
        var client = await JsonWebSocket.ConnectAsync(uri, options =>
        {
            if (authorization is not null)
            {
                options.SetRequestHeader("Authorization", authorization);
            }
        });
        _clients.Add(client);
        return client;
    }
}
