using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using OneBotBridge.Hosting;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Host;

/// <summary>The whole <c>run</c> host: QQ upstream against the simulator, OneBot served to a real WebSocket client.</summary>
public sealed class RunServesOneBotTests
{
    [Test]
    public async Task A_framework_gets_the_connect_event_first_then_login_info_with_the_app_id_as_self_id()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var host = BuildHost(simulator);
        await host.StartAsync(CancellationToken.None);
        try
        {
            using var client = await ConnectAsync(host);

            var connect = await ReceiveAsync(client);
            Assert.That((string?)connect["meta_event_type"], Is.EqualTo("lifecycle"));
            Assert.That((string?)connect["sub_type"], Is.EqualTo("connect"));
            Assert.That((long?)connect["self_id"], Is.EqualTo(long.Parse(simulator.Options.AppId)));

            await Poll.UntilAsync(() => host.Services.GetRequiredService<BotState>().Good, "the upstream to be ready");
            await SendAsync(client, """{"action":"get_login_info","echo":"7"}""");
            var response = await ReceiveResponseAsync(client);

            Assert.That((string?)response["status"], Is.EqualTo("ok"), response.ToString());
            Assert.That((string?)response["echo"], Is.EqualTo("7"));
            Assert.That((long?)response["data"]!["user_id"], Is.EqualTo(long.Parse(simulator.Options.AppId)));
            Assert.That((string?)response["data"]!["nickname"], Is.EqualTo(simulator.Options.BotUsername));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task A_group_at_message_pushed_by_the_platform_reaches_the_framework_in_order_and_once()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var host = BuildHost(simulator, extra: "heartbeat_interval: 0");
        await host.StartAsync(CancellationToken.None);
        try
        {
            using var client = await ConnectAsync(host);
            await ReceiveAsync(client);
            await Poll.UntilAsync(() => host.Services.GetRequiredService<BotState>().Good, "the upstream to be ready");

            foreach (var (id, text) in new[] { ("ROBOT1.0_a1", "first"), ("ROBOT1.0_a2", "second"), ("ROBOT1.0_a1", "first") })
            {
                await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", JObject.Parse($$"""
                    {"id":"{{id}}","content":" {{text}}","timestamp":"2025-02-15T16:35:23+08:00",
                     "author":{"id":"7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7","member_openid":"7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7"},
                     "group_id":"D4DE01234567890ABCDEF01234562B91","group_openid":"D4DE01234567890ABCDEF01234562B91"}
                    """));
            }

            await simulator.PushDispatchAsync("FRIEND_ADD", JObject.Parse("""{"timestamp":1741879599,"openid":"F00D"}"""));
            var received = new List<JObject>();
            while (received.Count < 3)
            {
                received.Add(await ReceiveAsync(client));
            }

            Assert.That(received.Select(e => (string?)e["raw_message"] ?? (string?)e["notice_type"]), Is.EqualTo(new[] { "first", "second", "friend_add" }));
            Assert.That(received.Take(2).Select(e => (string?)e["message_type"]), Is.All.EqualTo("group"));
            Assert.That((long?)received[0]["group_id"], Is.EqualTo((long?)received[1]["group_id"]));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task Status_good_follows_the_upstream_session()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var host = BuildHost(simulator, extra: "heartbeat_interval: 50ms");
        var bot = host.Services.GetRequiredService<BotState>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            using var client = await ConnectAsync(host);
            await Poll.UntilAsync(() => bot.Good, "the upstream to be ready");
            await NextHeartbeatAsync(client, good: true);

            simulator.HeartbeatAcksEnabled = false;
            await simulator.SendInvalidSessionAsync();
            await NextHeartbeatAsync(client, good: false);

            simulator.HeartbeatAcksEnabled = true;
            await NextHeartbeatAsync(client, good: true);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IHost BuildHost(QQSimulator simulator, string extra = "")
    {
        var loaded = ConfigFiles.Load(
            $$"""
            qq:
              api_base: {{simulator.ApiBase}}
              token_url: {{simulator.TokenUrl}}
              intents: [guilds, public_guild_messages, group_and_c2c_event]
              reconnect: { initial_delay: 10ms, max_delay: 100ms }
            onebot:
              {{extra}}
              forward_ws: [ { listen: "127.0.0.1:0" } ]
            {{ConfigFiles.FreshStorage()}}
            """,
            ConfigFiles.Environment(("QQ_APP_ID", simulator.Options.AppId), ("QQ_CLIENT_SECRET", simulator.Options.ClientSecret)));
        Assert.That(loaded.Problems, Is.Empty);
        var builder = BridgeHostBuilder.Create(loaded.Configuration);
        builder.Services.AddBridgeRuntime();
        return builder.Build();
    }

    private static async Task<ClientWebSocket> ConnectAsync(IHost host)
    {
        var address = host.Services.GetRequiredService<OneBotTransports>().ForwardWsAddresses[0];
        var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri($"ws://{address.Authority}/"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return client;
    }

    private static Task SendAsync(ClientWebSocket client, string json) =>
        client.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JObject> ReceiveAsync(ClientWebSocket client)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await client.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JObject.Parse(Encoding.UTF8.GetString(frame.ToArray()));
    }

    private static async Task<JObject> ReceiveResponseAsync(ClientWebSocket client)
    {
        while (true)
        {
            var frame = await ReceiveAsync(client);
            if (frame.ContainsKey("retcode"))
            {
                return frame;
            }
        }
    }

    private static async Task NextHeartbeatAsync(ClientWebSocket client, bool good)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var frame = await ReceiveAsync(client);
            if ((string?)frame["meta_event_type"] == "heartbeat" && (bool?)frame["status"]!["good"] == good)
            {
                Assert.That((long?)frame["interval"], Is.EqualTo(50));
                return;
            }
        }

        Assert.Fail($"no heartbeat with status.good = {good}");
    }
}
