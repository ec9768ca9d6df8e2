using System.Net.WebSockets;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

public sealed class GatewayTests
{
    private const long GroupAndC2C = 1 << 25;
    private const long GuildMessages = 1 << 9;

    private QQSimulator _simulator = null!;
    private SimulatorHttp _http = null!;
    private string _token = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _simulator = await QQSimulator.StartAsync(new QQSimulatorOptions
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            GrantedIntents = GroupAndC2C | (1 << 30),
            SessionStartRemaining = 10,
        });
        _http = new SimulatorHttp(_simulator);
        _token = await _http.GetTokenAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Test]
    public async Task Hello_then_Identify_gives_READY_with_session_user_and_shard()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);

        var hello = await client.ReceiveAsync();
        await client.SendAsync(GatewayTestClient.Identify(_token, GroupAndC2C));
        var ready = await client.ReceiveAsync();

        Assert.That((int?)hello["op"], Is.EqualTo(10));
        Assert.That((int?)hello["d"]!["heartbeat_interval"], Is.EqualTo(100));
        Assert.That((int?)ready["op"], Is.EqualTo(0));
        Assert.That((string?)ready["t"], Is.EqualTo("READY"));
        Assert.That((long?)ready["s"], Is.EqualTo(1));
        Assert.That((string?)ready["d"]!["session_id"], Is.Not.Empty);
        Assert.That((string?)ready["d"]!["user"]!["id"], Is.EqualTo(_simulator.Options.BotUserId));
        Assert.That((bool?)ready["d"]!["user"]!["bot"], Is.True);
        Assert.That(ready["d"]!["shard"]!.ToObject<int[]>(), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(_simulator.Counters.Readies, Is.EqualTo(1));
        Assert.That(_simulator.ReceivedGatewayFrames.Select(frame => (int)frame["op"]!), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public async Task Identify_counts_down_the_session_start_limit()
    {
        await using var _ = (await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token)).Client;

        var (_, body, _) = await _http.CallAsync(HttpMethod.Get, "/gateway/bot", token: _token);

        Assert.That((int?)body["session_start_limit"]!["remaining"], Is.EqualTo(9));
    }

    [Test]
    public async Task An_intent_the_bot_was_not_granted_closes_with_4014_naming_it()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(GatewayTestClient.Identify(_token, GroupAndC2C | GuildMessages));
        var status = await client.ReceiveCloseAsync();

        Assert.That((int?)status, Is.EqualTo(4014));
        Assert.That(client.CloseDescription, Does.Contain("GUILD_MESSAGES"));
        Assert.That(_simulator.Counters.Readies, Is.Zero);
    }

    [Test]
    public async Task A_bad_token_closes_with_4004()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(GatewayTestClient.Identify("not-a-token", GroupAndC2C));

        Assert.That((int?)await client.ReceiveCloseAsync(), Is.EqualTo(4004));
    }

    [Test]
    public async Task An_expired_token_closes_Identify_with_4004()
    {
        _simulator.ExpireTokensNow();
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(GatewayTestClient.Identify(_token, GroupAndC2C));

        Assert.That((int?)await client.ReceiveCloseAsync(), Is.EqualTo(4004));
    }

    [Test]
    public async Task A_shard_outside_the_recommended_count_closes_with_4010()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(GatewayTestClient.Identify(_token, GroupAndC2C, new JArray(1, 2)));

        Assert.That((int?)await client.ReceiveCloseAsync(), Is.EqualTo(4010));
    }

    [Test]
    public async Task Heartbeats_are_acknowledged_with_op_11()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        await using var _ = client;

        await client.SendAsync(new JObject { ["op"] = 1, ["d"] = 1 });
        var ack = await client.ReceiveAsync();

        Assert.That((int?)ack["op"], Is.EqualTo(11));
        Assert.That(_simulator.Counters.HeartbeatsAcked, Is.EqualTo(1));
    }

    [Test]
    public async Task With_acks_disabled_a_heartbeat_gets_no_answer()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        await using var _ = client;
        _simulator.HeartbeatAcksEnabled = false;

        await client.SendAsync(new JObject { ["op"] = 1, ["d"] = 1 });
        // Frames are handled in order: an ACK, had there been one, would come before this answer.
        await client.SendAsync(GatewayTestClient.Resume(_token, "no-such-session", 0));
        var next = await client.ReceiveAsync();

        Assert.That((int?)next["op"], Is.EqualTo(9));
        Assert.That(_simulator.Counters.HeartbeatsAcked, Is.Zero);
    }

    [Test]
    public async Task Resume_replays_every_dispatch_after_the_given_seq_then_RESUMED()
    {
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        var sessionId = (string)ready["d"]!["session_id"]!;
        await using (client)
        {
            for (var i = 0; i < 3; i++)
            {
                var sent = await _simulator.PushDispatchAsync("C2C_MSG_RECEIVE", new JObject { ["n"] = i });
                var received = await client.ReceiveAsync();
                Assert.That((long?)received["s"], Is.EqualTo((long)sent["s"]!));
                Assert.That((string?)received["id"], Is.EqualTo((string?)sent["id"]));
            }

            await _simulator.DropConnectionsAsync();
        }

        Assert.That(_simulator.ActiveConnections, Is.Zero);
        await _simulator.PushDispatchAsync("C2C_MSG_RECEIVE", new JObject { ["n"] = 3 });
        await _simulator.PushDispatchAsync("C2C_MSG_RECEIVE", new JObject { ["n"] = 4 });

        await using var resumed = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(GatewayTestClient.Resume(_token, sessionId, 3));
        var frames = new List<JObject>();
        for (var i = 0; i < 4; i++)
        {
            frames.Add(await resumed.ReceiveAsync());
        }

        Assert.That(frames.Select(frame => (long)frame["s"]!), Is.EqualTo(new long[] { 4, 5, 6, 7 }));
        Assert.That(frames.Take(3).Select(frame => (int)frame["d"]!["n"]!), Is.EqualTo(new[] { 2, 3, 4 }));
        Assert.That((string?)frames[3]["t"], Is.EqualTo("RESUMED"));
        Assert.That((string?)frames[3]["d"], Is.EqualTo(""));
        Assert.That(_simulator.Counters.Resumes, Is.EqualTo(1));
    }

    [Test]
    public async Task A_Resume_from_before_the_kept_history_gets_op_9_and_one_inside_it_is_replayed()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { ResumeHistory = 2 });
        using var http = new SimulatorHttp(simulator);
        var token = await http.GetTokenAsync();
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(simulator.GatewayUrl, token);
        var sessionId = (string)ready["d"]!["session_id"]!;
        await using (client)
        {
            for (var i = 0; i < 3; i++)
            {
                await simulator.PushDispatchAsync("C2C_MSG_RECEIVE", new JObject { ["n"] = i });
                await client.ReceiveAsync();
            }

            await simulator.DropConnectionsAsync();
        }

        // READY is seq 1, the dispatches 2 to 4; only 3 and 4 are kept.
        await using var tooLate = await GatewayTestClient.ConnectAsync(simulator.GatewayUrl);
        await tooLate.ReceiveAsync();
        await tooLate.SendAsync(GatewayTestClient.Resume(token, sessionId, 1));
        var refused = await tooLate.ReceiveAsync();

        await using var inTime = await GatewayTestClient.ConnectAsync(simulator.GatewayUrl);
        await inTime.ReceiveAsync();
        await inTime.SendAsync(GatewayTestClient.Resume(token, sessionId, 2));
        var replayed = new[] { await inTime.ReceiveAsync(), await inTime.ReceiveAsync() };

        Assert.That((int?)refused["op"], Is.EqualTo(9));
        Assert.That(replayed.Select(frame => (int)frame["d"]!["n"]!), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task A_Resume_with_an_unknown_session_or_seq_gets_op_9_false()
    {
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        await using var _ = client;

        await client.SendAsync(GatewayTestClient.Resume(_token, "unknown-session", 1));
        var unknownSession = await client.ReceiveAsync();
        await client.SendAsync(GatewayTestClient.Resume(_token, (string)ready["d"]!["session_id"]!, 99));
        var unknownSeq = await client.ReceiveAsync();

        Assert.That((int?)unknownSession["op"], Is.EqualTo(9));
        Assert.That((bool?)unknownSession["d"], Is.False);
        Assert.That((int?)unknownSeq["op"], Is.EqualTo(9));
    }

    [Test]
    public async Task A_dispatch_pushed_before_anyone_identified_follows_the_next_READY()
    {
        var queued = await _simulator.PushDispatchAsync("GROUP_ADD_ROBOT", new JObject { ["group_openid"] = "G" });

        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        await using var _ = client;
        var delivered = await client.ReceiveAsync();

        Assert.That(queued["s"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That((string?)delivered["t"], Is.EqualTo("GROUP_ADD_ROBOT"));
        Assert.That((string?)delivered["id"], Is.EqualTo((string?)queued["id"]));
        Assert.That((long?)delivered["s"], Is.EqualTo(2));
    }

    [Test]
    public async Task Invalid_session_sends_op_9_and_forgets_the_session()
    {
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        await using var _ = client;

        await _simulator.SendInvalidSessionAsync();
        var invalid = await client.ReceiveAsync();
        await client.SendAsync(GatewayTestClient.Resume(_token, (string)ready["d"]!["session_id"]!, 1));
        var refused = await client.ReceiveAsync();

        Assert.That((int?)invalid["op"], Is.EqualTo(9));
        Assert.That((bool?)invalid["d"], Is.False);
        Assert.That((int?)refused["op"], Is.EqualTo(9));
    }

    [Test]
    public async Task Reconnect_sends_op_7_and_close_uses_the_given_code()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, _token);
        await using var _ = client;

        await _simulator.SendReconnectAsync();
        var reconnect = await client.ReceiveAsync();
        await _simulator.CloseConnectionsAsync(4009, "connection expired");

        Assert.That((int?)reconnect["op"], Is.EqualTo(7));
        Assert.That((int?)await client.ReceiveCloseAsync(), Is.EqualTo(4009));
        await Eventually.UntilAsync(() => _simulator.ActiveConnections == 0, "the server let the socket go");
    }

    [Test]
    public async Task Received_frames_are_raised_as_they_arrive()
    {
        var raised = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _simulator.GatewayFrameReceived += frame => raised.TrySetResult(frame);
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(new JObject { ["op"] = 1, ["d"] = null });
        var frame = await raised.Task.WaitAsync(Eventually.DefaultTimeout);

        Assert.That((int?)frame["op"], Is.EqualTo(1));
    }

    [Test]
    public async Task A_sent_READY_is_raised()
    {
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _simulator.ReadySent += () => raised.TrySetResult();
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();
        Assert.That(raised.Task.IsCompleted, Is.False, "raised before any Identify");

        await client.SendAsync(GatewayTestClient.Identify(_token, GroupAndC2C));

        await raised.Task.WaitAsync(Eventually.DefaultTimeout);
        Assert.That((string?)(await client.ReceiveAsync())["t"], Is.EqualTo("READY"));
    }

    [Test]
    public async Task An_unknown_opcode_closes_with_4001()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(new JObject { ["op"] = 42 });

        Assert.That(await client.ReceiveCloseAsync(), Is.EqualTo((WebSocketCloseStatus)4001));
    }
}
