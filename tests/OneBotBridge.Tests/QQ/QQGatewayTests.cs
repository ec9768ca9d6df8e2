using Newtonsoft.Json.Linq;
using OneBotBridge.QQ;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ;

/// <summary>The gateway client against the simulator, over real loopback sockets.</summary>
public sealed class QQGatewayTests
{
    private static readonly long DefaultIntents = Intents.Resolve(new QQOptions().Intents);

    private static int OpOf(JObject frame) => (int)frame["op"]!;

    [Test]
    public async Task Logs_in_with_identify_and_delivers_dispatches()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();

        var pushed = await harness.Simulator.PushDispatchAsync(
            "GROUP_AT_MESSAGE_CREATE", new JObject { ["id"] = "ROBOT1.0_abc", ["content"] = " 123", ["timestamp"] = "2025-02-15T16:35:23+08:00" });
        var dispatch = await harness.NextAsync();

        var identify = harness.Handshakes.Single();
        Assert.That(OpOf(identify), Is.EqualTo(2));
        Assert.That((string?)identify["d"]!["token"], Does.StartWith("QQBot ").And.Length.GreaterThan("QQBot ".Length));
        Assert.That((long?)identify["d"]!["intents"], Is.EqualTo(DefaultIntents));
        Assert.That(identify["d"]!["shard"]!.ToObject<int[]>(), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(harness.Gateway.BotUser?.Id, Is.EqualTo(harness.Simulator.Options.BotUserId));
        Assert.That(harness.Gateway.BotUser?.Username, Is.EqualTo(harness.Simulator.Options.BotUsername));
        Assert.That(dispatch.Type, Is.EqualTo("GROUP_AT_MESSAGE_CREATE"));
        Assert.That(dispatch.Seq, Is.EqualTo((long?)pushed["s"]));
        Assert.That(dispatch.EventId, Is.EqualTo((string?)pushed["id"]).And.Not.Null);
        Assert.That((string?)dispatch.Data["timestamp"], Is.EqualTo("2025-02-15T16:35:23+08:00"));
        Assert.That(harness.Gateway.Counters.Identifies, Is.EqualTo(1));
        Assert.That(harness.Gateway.Counters.EventsReceived, Is.GreaterThanOrEqualTo(2), "READY and the message");
    }

    [Test]
    public async Task Heartbeats_carry_the_last_seq_and_their_round_trip_is_measured()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();
        JObject? last = null;
        for (var n = 0; n < 3; n++)
        {
            last = await harness.PushAsync(n);
            await harness.NextAsync();
        }

        var lastSeq = (long)last!["s"]!;
        await Eventually.AssertAsync(
            () => harness.Simulator.ReceivedGatewayFrames.Any(frame => OpOf(frame) == 1 && (long?)frame["d"] == lastSeq),
            $"a heartbeat carrying seq {lastSeq}");
        await Eventually.AssertAsync(() => harness.Gateway.Counters.LastHeartbeatRoundTrip is not null, "an acknowledged heartbeat");
    }

    [TestCase(4008)]
    [TestCase(4009)]
    [TestCase(4000)]
    [TestCase(1001)]
    public async Task Closes_that_keep_the_session_resume_it_and_nothing_is_lost(int closeCode)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();
        var before = await harness.PushAsync(1);
        Assert.That((await harness.NextAsync()).Seq, Is.EqualTo((long?)before["s"]));

        await harness.Simulator.CloseConnectionsAsync(closeCode, "test");
        var missed = await harness.PushAsync(2);
        await harness.WaitHandshakesAsync(2);

        var resume = harness.Handshakes[1];
        Assert.That(OpOf(resume), Is.EqualTo(6));
        Assert.That((long?)resume["d"]!["seq"], Is.EqualTo((long?)before["s"]));
        Assert.That((string?)resume["d"]!["session_id"], Is.Not.Null.And.Not.Empty);
        Assert.That((await harness.NextAsync()).Seq, Is.EqualTo((long?)missed["s"]));
        Assert.That(harness.Gateway.Counters.Resumes, Is.EqualTo(1));
        Assert.That(harness.Gateway.Counters.Reconnects, Is.EqualTo(1));
    }

    [TestCase(4006)]
    [TestCase(4007)]
    [TestCase(4900)]
    [TestCase(4905)]
    [TestCase(4913)]
    public async Task Closes_that_invalidate_the_session_identify_anew(int closeCode)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();

        await harness.Simulator.CloseConnectionsAsync(closeCode, "test");
        await harness.WaitHandshakesAsync(2);
        var pushed = await harness.PushAsync(1);

        Assert.That(harness.Handshakes.Select(OpOf), Is.EqualTo(new[] { 2, 2 }));
        Assert.That((await harness.NextAsync()).Seq, Is.EqualTo((long?)pushed["s"]));
        Assert.That(harness.Gateway.Counters.Identifies, Is.EqualTo(2));
    }

    [Test]
    public async Task Close_4004_refreshes_the_token_then_identifies()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();

        harness.Simulator.ExpireTokensNow();
        await harness.Simulator.CloseConnectionsAsync(4004, "authentication failed");
        await harness.WaitHandshakesAsync(2);

        var tokens = harness.Handshakes.Select(frame => (string?)frame["d"]!["token"]).ToList();
        Assert.That(harness.Handshakes.Select(OpOf), Is.EqualTo(new[] { 2, 2 }));
        Assert.That(tokens[1], Is.Not.EqualTo(tokens[0]));
        Assert.That(harness.Simulator.Requests.Count(request => request.Path.EndsWith("getAppAccessToken", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [TestCase(4001)]
    [TestCase(4002)]
    [TestCase(4010)]
    [TestCase(4011)]
    [TestCase(4012)]
    [TestCase(4013)]
    [TestCase(4014)]
    [TestCase(4914)]
    [TestCase(4915)]
    public async Task Fatal_closes_end_the_run_with_what_to_fix(int closeCode)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();

        await harness.Simulator.CloseConnectionsAsync(closeCode, "test reason");

        var error = Assert.ThrowsAsync<QQFatalException>(async () => await harness.Running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(error!.CloseCode, Is.EqualTo(closeCode));
        Assert.That(error.Message, Does.Contain(closeCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("test reason"));
        Assert.That(harness.Handshakes, Has.Count.EqualTo(1), "no retry after a fatal close");
    }

    [Test]
    public async Task An_intent_the_bot_lacks_ends_the_run_naming_it()
    {
        await using var harness = await GatewayHarness.StartAsync(simulator: options => options.GrantedIntents = DefaultIntents & ~(1L << 26));

        var error = Assert.ThrowsAsync<QQFatalException>(async () => await harness.Running.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(error!.CloseCode, Is.EqualTo(4014));
        Assert.That(error.Message, Does.Contain("interaction").And.Contain("qq.intents"));
    }

    [Test]
    public async Task An_unknown_intent_name_ends_the_run_before_connecting()
    {
        await using var harness = await GatewayHarness.StartAsync(bridge: options => options.Intents = ["guilds", "everything"]);

        var error = Assert.ThrowsAsync<QQFatalException>(async () => await harness.Running.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(error!.Message, Does.Contain("'everything'"));
        Assert.That(harness.Simulator.Counters.Connections, Is.Zero);
    }

    [Test]
    public async Task Op_7_reconnects_and_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();
        await harness.PushAsync(1);
        await harness.NextAsync();

        await harness.Simulator.SendReconnectAsync();
        var missed = await harness.PushAsync(2);
        await harness.WaitHandshakesAsync(2);

        Assert.That(harness.Handshakes.Select(OpOf), Is.EqualTo(new[] { 2, 6 }));
        Assert.That((await harness.NextAsync()).Seq, Is.EqualTo((long?)missed["s"]));
    }

    [Test]
    public async Task A_dropped_socket_resumes_on_a_fresh_connection()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();

        await harness.Simulator.DropConnectionsAsync();
        var missed = await harness.PushAsync(1);
        await harness.WaitHandshakesAsync(2);

        Assert.That(harness.Handshakes.Select(OpOf), Is.EqualTo(new[] { 2, 6 }));
        Assert.That((await harness.NextAsync()).Seq, Is.EqualTo((long?)missed["s"]));
        Assert.That(harness.Simulator.Counters.Connections, Is.EqualTo(2));
    }

    [Test]
    public async Task A_heartbeat_left_unacknowledged_is_a_dead_link_that_is_resumed()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitReadyAsync();

        harness.Simulator.HeartbeatAcksEnabled = false;
        await Eventually.AssertAsync(() => harness.Handshakes.Count >= 2, "a Resume after the missing ACK");
        harness.Simulator.HeartbeatAcksEnabled = true;
        await harness.WaitReadyAsync();
        var pushed = await harness.PushAsync(1);

        Assert.That(OpOf(harness.Handshakes[1]), Is.EqualTo(6));
        Assert.That((await harness.NextAsync()).Seq, Is.EqualTo((long?)pushed["s"]));
    }

    [Test]
    public async Task Op_9_drops_the_session_waits_1_to_5_seconds_and_identifies()
    {
        var time = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(
            simulator: options =>
            {
                options.HeartbeatInterval = TimeSpan.FromSeconds(45);
                options.MaxConcurrency = 2;
            },
            time: time,
            timings: new GatewayTimings());
        await harness.WaitReadyAsync();
        await harness.PushAsync(1);
        await harness.NextAsync();

        await harness.Simulator.SendInvalidSessionAsync();
        await Eventually.AssertAsync(() => !harness.Gateway.IsReady, "the session to be dropped");
        var waited = TimeSpan.Zero;
        time.Advance(TimeSpan.FromMilliseconds(900));
        waited += TimeSpan.FromMilliseconds(900);
        Assert.That(harness.Handshakes, Has.Count.EqualTo(1), "no Identify within the first second");
        while (harness.Handshakes.Count < 2 && waited < TimeSpan.FromSeconds(6))
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
            await Eventually.TrueAsync(() => harness.Handshakes.Count >= 2, TimeSpan.FromMilliseconds(30));
        }

        await harness.WaitHandshakesAsync(2);
        var pushed = await harness.PushAsync(2);

        Assert.That(waited, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5.1)));
        Assert.That(harness.Handshakes.Select(OpOf), Is.EqualTo(new[] { 2, 2 }));
        var dispatch = await harness.NextAsync();
        Assert.That(dispatch.Seq, Is.EqualTo((long?)pushed["s"]), "the new session's events are delivered though their seqs start over");
    }

    [Test]
    public async Task Auto_shards_run_every_shard_in_one_process()
    {
        await using var harness = await GatewayHarness.StartAsync(simulator: options =>
        {
            options.RecommendedShards = 3;
            options.MaxConcurrency = 3;
        });
        await harness.WaitReadyAsync();

        await harness.PushAsync(2, shard: 2);
        var dispatch = await harness.NextAsync();

        Assert.That(
            harness.Handshakes.Select(frame => frame["d"]!["shard"]!.ToObject<int[]>()!).Select(shard => $"{shard[0]}/{shard[1]}").Order(),
            Is.EqualTo(new[] { "0/3", "1/3", "2/3" }));
        Assert.That(dispatch.ShardId, Is.EqualTo(2));
        Assert.That((int?)dispatch.Data["n"], Is.EqualTo(2));
    }

    [Test]
    public async Task A_configured_shard_runs_alone()
    {
        await using var harness = await GatewayHarness.StartAsync(
            simulator: options => options.RecommendedShards = 2,
            bridge: options => options.Shards = new ShardSelection(1, 2));
        await harness.WaitReadyAsync();

        Assert.That(harness.Handshakes.Single()["d"]!["shard"]!.ToObject<int[]>(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task Shards_start_at_most_max_concurrency_sessions_per_5_seconds()
    {
        var time = new ManualTimeProvider();
        await using var harness = await GatewayHarness.StartAsync(
            simulator: options =>
            {
                options.HeartbeatInterval = TimeSpan.FromSeconds(45);
                options.RecommendedShards = 2;
                options.MaxConcurrency = 1;
            },
            time: time,
            timings: new GatewayTimings());

        await Eventually.AssertAsync(() => harness.Handshakes.Count == 1, "the first shard's Identify");
        time.Advance(TimeSpan.FromSeconds(4.5));
        Assert.That(harness.Handshakes, Has.Count.EqualTo(1), "max_concurrency 1: the second shard waits 5 s");
        time.Advance(TimeSpan.FromSeconds(0.5));
        await harness.WaitHandshakesAsync(2);
    }
}
