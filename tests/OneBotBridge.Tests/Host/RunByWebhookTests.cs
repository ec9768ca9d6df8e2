using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Inbound;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.OneBot.Transports;

namespace OneBotBridge.Tests.Host;

/// <summary><c>qq.transport: webhook</c>: the whole bridge taking signed callbacks from the simulated platform instead of the gateway.</summary>
public sealed class RunByWebhookTests
{
    private const string Webhook = "transport: webhook\n  webhook: { listen: \"127.0.0.1:0\", path: /callbacks/qq }";

    [Test]
    public async Task Callbacks_reach_frameworks_once_and_their_replies_are_passive_replies()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { WebhookRetryDelay = TimeSpan.FromMilliseconds(50) });
        using var data = new TempDirectory();
        await using var bridge = await RunningBridge.StartAsync(simulator, data, qq: Webhook);
        var callback = await bridge.Get<QQWebhookReceiver>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(callback.AbsolutePath, Is.EqualTo("/callbacks/qq"));
        simulator.Webhook.Url = callback;
        using var framework = await bridge.ConnectAsync();
        Assert.That((string?)(await framework.ReceiveAsync())!["sub_type"], Is.EqualTo("connect"));

        await Poll.UntilAsync(() => bridge.Get<BotState>().Good, "the bot to be good without a gateway READY");
        Assert.That(bridge.Get<BotState>().Nickname, Is.EqualTo(simulator.Options.BotUsername), "the nickname comes from /users/@me");
        Assert.That(simulator.ReceivedGatewayFrames, Is.Empty, "nothing connects to the gateway");

        const string eventId = "GROUP_AT_MESSAGE_CREATE:webhook-e2e";
        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", GroupAtMessage("ROBOT1.0_webhook-e2e", " ping"), eventId);
        var message = await NextMessageAsync(framework);
        Assert.That((string?)message["raw_message"], Is.EqualTo("ping"));

        var replayed = await simulator.Webhook.ReplayAsync(eventId);
        Assert.That(replayed.Status, Is.EqualTo(200), replayed.Body);
        var forged = await simulator.Webhook.SendForgedAsync("GROUP_AT_MESSAGE_CREATE", GroupAtMessage("ROBOT1.0_forged", " forged"));
        Assert.That(forged.Status, Is.EqualTo(401), forged.Body);
        await framework.SendAsync(new JObject
        {
            ["action"] = "send_group_msg",
            ["params"] = new JObject { ["group_id"] = message["group_id"], ["message"] = "pong" },
            ["echo"] = "reply",
        });

        var response = await NextFrameAsync(framework, frame => (string?)frame["echo"] == "reply");
        Assert.That((string?)response["status"], Is.EqualTo("ok"), response.ToString());
        var sent = simulator.Requests.Single(request => request.Method == "POST" && request.Path.EndsWith("/messages"));
        var body = JObject.Parse(sent.Body);
        Assert.That(((string?)body["msg_id"], (int?)body["msg_seq"], (string?)body["content"]), Is.EqualTo(("ROBOT1.0_webhook-e2e", 1, "pong")));
        Assert.That(bridge.Get<InboundCounters>().Published, Is.EqualTo(1), "the redelivery and the forgery reached no framework");
        Assert.That(bridge.Get<QQWebhookReceiver>().Counters.DuplicatesSkipped, Is.EqualTo(1));
    }

    [Test]
    public async Task A_callback_port_in_use_stops_run_with_exit_1_naming_the_setting()
    {
        await using var simulator = await QQSimulator.StartAsync();
        using var data = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var file = new TempConfigFile(Config(simulator, data, $"127.0.0.1:{port}"));

        var result = await CliResult.InvokeAsync(Credentials(simulator), CancellationToken.None, "run", "--config", file.Path)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Error, Does.Contain("qq.webhook.listen").And.Contain($"127.0.0.1:{port}"));
    }

    [Test]
    public async Task Wrong_credentials_stop_run_with_exit_1_and_the_secret_is_never_printed()
    {
        const string wrongSecret = "Wrong-Webhook-Secret-0x5eed";
        await using var simulator = await QQSimulator.StartAsync();
        using var data = new TempDirectory();
        using var file = new TempConfigFile(Config(simulator, data, "127.0.0.1:0"));

        var result = await CliResult.InvokeAsync(Credentials(simulator, wrongSecret), CancellationToken.None, "run", "--config", file.Path)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Error, Does.Contain("qq.client_secret"));
        Assert.That(result.All, Does.Not.Contain(wrongSecret));
    }

    private static string Config(QQSimulator simulator, TempDirectory data, string listen) => $$"""
        storage:
          path: '{{data.Database}}'
        qq:
          api_base: {{simulator.ApiBase}}
          token_url: {{simulator.TokenUrl}}
          transport: webhook
          webhook: { listen: "{{listen}}" }
          reconnect: { initial_delay: 10ms, max_delay: 100ms }
        onebot:
          forward_ws: []
        """;

    private static OneBotBridge.Configuration.EnvironmentLookup Credentials(QQSimulator simulator, string? secret = null) =>
        ConfigFiles.Environment(("QQ_APP_ID", simulator.Options.AppId), ("QQ_CLIENT_SECRET", secret ?? simulator.Options.ClientSecret));

    private static JObject GroupAtMessage(string id, string content) => new()
    {
        ["id"] = id,
        ["content"] = content,
        ["timestamp"] = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["author"] = new JObject { ["id"] = "MEMBER1", ["member_openid"] = "MEMBER1" },
        ["group_id"] = "GROUP1",
        ["group_openid"] = "GROUP1",
    };

    private static Task<JObject> NextMessageAsync(JsonWebSocket client) =>
        NextFrameAsync(client, frame => (string?)frame["post_type"] == "message");

    private static async Task<JObject> NextFrameAsync(JsonWebSocket client, Func<JObject, bool> wanted)
    {
        while (true)
        {
            var frame = await client.ReceiveAsync(TimeSpan.FromSeconds(10));
            Assert.That(frame, Is.Not.Null, "no frame within 10 s");
            if (wanted(frame!))
            {
                return frame!;
            }
        }
    }
}
