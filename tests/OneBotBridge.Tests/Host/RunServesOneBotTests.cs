using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Storage;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.OneBot.Transports;

namespace OneBotBridge.Tests.Host;

/// <summary>The whole <c>run</c> host: QQ upstream against the simulator, Core in between, OneBot served to a real WebSocket client.</summary>
public sealed class RunServesOneBotTests
{
    private const string GroupOpenId = "D4DE01234567890ABCDEF01234562B91";
    private const string MemberOpenId = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7";

    private static Task<QQSimulator> StartSimulatorAsync() =>
        QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });

    private static JObject GroupAtMessage(string id, string content) => new()
    {
        ["id"] = id,
        ["content"] = " " + content,
        ["timestamp"] = "2025-02-15T16:35:23+08:00",
        ["author"] = new JObject { ["id"] = MemberOpenId, ["member_openid"] = MemberOpenId, ["union_openid"] = MemberOpenId },
        ["group_id"] = GroupOpenId,
        ["group_openid"] = GroupOpenId,
        ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
        ["message_type"] = 0,
        ["attachments"] = new JArray(),
    };

    [Test]
    public async Task A_framework_gets_the_connect_event_first_then_login_info_with_the_app_id_as_self_id()
    {
        await using var simulator = await StartSimulatorAsync();
        using var data = new TempDirectory();
        await using var bridge = await RunningBridge.StartAsync(simulator, data);
        using var client = await bridge.ConnectAsync();

        var connect = await client.ReceiveAsync();
        Assert.That((string?)connect!["meta_event_type"], Is.EqualTo("lifecycle"));
        Assert.That((string?)connect["sub_type"], Is.EqualTo("connect"));
        Assert.That((long?)connect["self_id"], Is.EqualTo(long.Parse(simulator.Options.AppId)));

        await Poll.UntilAsync(() => bridge.Get<BotState>().Good, "the upstream to be ready");
        await client.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = "7" });
        var response = await ReceiveResponseAsync(client);

        Assert.That((string?)response["status"], Is.EqualTo("ok"), response.ToString());
        Assert.That((string?)response["echo"], Is.EqualTo("7"));
        Assert.That((long?)response["data"]!["user_id"], Is.EqualTo(long.Parse(simulator.Options.AppId)));
        Assert.That((string?)response["data"]!["nickname"], Is.EqualTo(simulator.Options.BotUsername));
    }

    [Test]
    public async Task Status_good_follows_the_upstream_session()
    {
        await using var simulator = await StartSimulatorAsync();
        using var data = new TempDirectory();
        await using var bridge = await RunningBridge.StartAsync(simulator, data, onebot: "heartbeat_interval: 50ms");
        using var client = await bridge.ConnectAsync();
        await Poll.UntilAsync(() => bridge.Get<BotState>().Good, "the upstream to be ready");
        await NextHeartbeatAsync(client, good: true);

        simulator.HeartbeatAcksEnabled = false;
        await simulator.SendInvalidSessionAsync();
        await NextHeartbeatAsync(client, good: false);

        simulator.HeartbeatAcksEnabled = true;
        await NextHeartbeatAsync(client, good: true);
    }

    [Test]
    public async Task Platform_events_reach_the_framework_in_order_and_a_redelivered_message_once()
    {
        await using var simulator = await StartSimulatorAsync();
        using var data = new TempDirectory();
        await using var bridge = await RunningBridge.StartAsync(simulator, data);
        using var client = await bridge.ConnectAsync();
        await client.ReceiveAsync();

        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", GroupAtMessage("ROBOT1.0_run-test-1!", "first"));
        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", GroupAtMessage("ROBOT1.0_run-test-1!", "first"));
        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", GroupAtMessage("ROBOT1.0_run-test-2!", "second"));
        await simulator.PushDispatchAsync("FRIEND_ADD", new JObject { ["timestamp"] = 1741879599, ["openid"] = MemberOpenId });

        var first = await client.ReceiveSkippingHeartbeatsAsync();
        var second = await client.ReceiveSkippingHeartbeatsAsync();
        var third = await client.ReceiveSkippingHeartbeatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That((string?)first!["post_type"], Is.EqualTo("message"));
            Assert.That((string?)first["message_type"], Is.EqualTo("group"));
            Assert.That((string?)first["raw_message"], Is.EqualTo("first"));
            Assert.That((long?)first["self_id"], Is.EqualTo(long.Parse(simulator.Options.AppId)));
            Assert.That((string?)second!["raw_message"], Is.EqualTo("second"), "the redelivered message must not reach the framework twice");
            Assert.That((long?)second["group_id"], Is.EqualTo((long?)first["group_id"]));
            Assert.That((string?)third!["notice_type"], Is.EqualTo("friend_add"));
        });
    }

    [Test]
    public async Task A_framework_answer_to_a_group_at_message_reaches_the_platform_as_a_passive_reply_it_accepts()
    {
        await using var simulator = await StartSimulatorAsync();
        using var data = new TempDirectory();
        await using var bridge = await RunningBridge.StartAsync(simulator, data);
        using var client = await bridge.ConnectAsync();
        await client.ReceiveAsync();

        var ask = GroupAtMessage("ROBOT1.0_ask!", "ping");
        ask["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", ask);
        var question = (await client.ReceiveSkippingHeartbeatsAsync())!;
        foreach (var (answer, echo) in new[] { ("pong", "1"), ("pong again", "2") })
        {
            await client.SendAsync(new JObject
            {
                ["action"] = "send_group_msg",
                ["params"] = new JObject { ["group_id"] = question["group_id"], ["message"] = answer },
                ["echo"] = echo,
            });
            var response = await ReceiveResponseAsync(client);
            Assert.That((string?)response["status"], Is.EqualTo("ok"), response.ToString());
            Assert.That((int?)response["data"]!["message_id"], Is.Positive);
        }

        var replies = simulator.Requests.Where(r => r.Method == "POST" && r.Path == $"/v2/groups/{GroupOpenId}/messages").ToList();
        Assert.That(replies.Select(r => r.ResponseStatus), Is.EqualTo(new[] { 200, 200 }));
        Assert.That(replies.Select(r => (string?)JObject.Parse(r.Body)["msg_id"]), Is.All.EqualTo("ROBOT1.0_ask!"));
        Assert.That(replies.Select(r => (int?)JObject.Parse(r.Body)["msg_seq"]), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task What_the_bridge_learned_is_in_the_database_once_it_stopped()
    {
        await using var simulator = await StartSimulatorAsync();
        using var data = new TempDirectory();
        await using (var bridge = await RunningBridge.StartAsync(simulator, data))
        {
            using var client = await bridge.ConnectAsync();
            await client.ReceiveAsync();
            await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", GroupAtMessage("ROBOT1.0_persisted!", "remember me"));
            await client.ReceiveSkippingHeartbeatsAsync();
        }

        await using var store = await SqliteBridgeStore.OpenAsync(
            new StorageOptions { Path = data.Database }, NullLogger<SqliteBridgeStore>.Instance, CancellationToken.None);
        var mappings = await store.LoadIdMappingsAsync(CancellationToken.None);
        var message = await store.FindMessageByPlatformIdAsync("ROBOT1.0_persisted!", CancellationToken.None);

        Assert.That(mappings.Select(mapping => mapping.Id.Value), Does.Contain(GroupOpenId).And.Contain(MemberOpenId));
        Assert.That(message, Is.Not.Null);
    }

    private static async Task<JObject> ReceiveResponseAsync(JsonWebSocket client)
    {
        while (true)
        {
            var frame = await client.ReceiveAsync();
            Assert.That(frame, Is.Not.Null, "the connection closed");
            if (frame!.ContainsKey("retcode"))
            {
                return frame;
            }
        }
    }

    private static async Task NextHeartbeatAsync(JsonWebSocket client, bool good)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var frame = await client.ReceiveAsync();
            Assert.That(frame, Is.Not.Null, "the connection closed");
            if ((string?)frame!["meta_event_type"] == "heartbeat" && (bool?)frame["status"]!["good"] == good)
            {
                Assert.That((long?)frame["interval"], Is.EqualTo(50));
                return;
            }
        }

        Assert.Fail($"no heartbeat with status.good = {good}");
    }
}
