using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Cli;
using OneBotBridge.Tests.OneBot.Transports;

namespace OneBotBridge.Tests.Host;

/// <summary>The <c>simulate</c> verb, run in-process: no credentials, a built-in platform, OneBot served, a demo and a terminal chat.</summary>
public sealed partial class SimulateCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static string Config(TempDirectory data) => $"onebot:\n  forward_ws: [ {{ listen: \"127.0.0.1:0\" }} ]\n{data.StorageYaml}";

    [Test]
    public async Task Simulate_says_where_to_connect_plays_the_demo_to_a_framework_and_turns_typed_lines_into_messages()
    {
        using var data = new TempDirectory();
        using var file = new TempConfigFile(Config(data));
        using var input = new TerminalInput();
        var output = new LineCapture();
        var error = new LineCapture();
        using var stop = new CancellationTokenSource();

        var running = BridgeCli.InvokeAsync(["simulate", "--config", file.Path], input, output, error, ConfigFiles.NoEnvironment, stop.Token);
        var endpoint = await EndpointAsync(output, running, error);
        Assert.That(output.Lines, Has.Some.Contains($"ONEBOT_WS_URLS=[\"{endpoint}\"]"));
        Assert.That(output.Lines, Has.Some.Contains($"protocol: 'ws', endpoint: '{endpoint}'"));

        using var client = await JsonWebSocket.ConnectAsync(new Uri(endpoint));
        Assert.That((string?)(await client.ReceiveAsync())!["sub_type"], Is.EqualTo("connect"));

        // The first round of the demo plays as soon as a framework listens: group, private, channel.
        var group = await NextMessageAsync(client);
        var privately = await NextMessageAsync(client);
        var channel = await NextMessageAsync(client);
        Assert.Multiple(() =>
        {
            Assert.That((string?)group["message_type"], Is.EqualTo("group"));
            Assert.That(Segments(group), Does.Contain("face"), group.ToString());
            Assert.That((string?)privately["message_type"], Is.EqualTo("private"));
            Assert.That((string?)channel["message_type"], Is.EqualTo("group"));
            Assert.That(channel.ContainsKey("guild_id"), Is.True, channel.ToString());
            Assert.That(Segments(channel), Does.Contain("face"), channel.ToString());
        });
        Assert.That(output.Lines, Has.Some.StartsWith("QQ platform → group D4DE0123…: Alice: hello bot"));

        input.Type("hello from the terminal");
        var typed = await NextMessageAsync(client, message => (string?)message["raw_message"] == "hello from the terminal");
        Assert.That((string?)typed["message_type"], Is.EqualTo("group"));
        Assert.That(output.Lines, Has.Some.EqualTo("QQ platform → group D4DE0123…: you: hello from the terminal"));

        input.Type("/c2c just between us");
        var whispered = await NextMessageAsync(client, message => (string?)message["raw_message"] == "just between us");
        Assert.That((string?)whispered["message_type"], Is.EqualTo("private"));

        // Standard input closing ends the chat, not the bridge.
        input.Close();
        await client.SendAsync(new JObject { ["action"] = "get_login_info", ["echo"] = "after-eof" });
        var response = await NextFrameAsync(client, frame => (string?)frame["echo"] == "after-eof");
        Assert.That((string?)response["status"], Is.EqualTo("ok"));
        Assert.That(running.IsCompleted, Is.False);

        await stop.CancelAsync();
        Assert.That(await running.WaitAsync(Wait), Is.EqualTo(0), string.Join("\n", error.Lines));
    }

    [Test]
    public async Task Without_the_demo_and_with_standard_input_closed_simulate_still_serves_OneBot()
    {
        using var data = new TempDirectory();
        using var file = new TempConfigFile(Config(data));
        var output = new LineCapture();
        var error = new LineCapture();
        using var stop = new CancellationTokenSource();

        var running = BridgeCli.InvokeAsync(["simulate", "--config", file.Path, "--no-demo"], TextReader.Null, output, error, ConfigFiles.NoEnvironment, stop.Token);
        var endpoint = await EndpointAsync(output, running, error);
        Assert.That(output.Lines, Has.Some.Contains("Demo off"));

        using var client = await JsonWebSocket.ConnectAsync(new Uri(endpoint));
        Assert.That((string?)(await client.ReceiveAsync())!["sub_type"], Is.EqualTo("connect"));
        await client.SendAsync(new JObject { ["action"] = "get_version_info", ["echo"] = 1 });
        var response = await NextFrameAsync(client, frame => frame.ContainsKey("retcode"));
        Assert.That((string?)response["data"]!["protocol_version"], Is.EqualTo("v11"));
        Assert.That((int?)response["echo"], Is.EqualTo(1));
        Assert.That(output.Lines, Has.None.StartsWith("QQ platform →"), "no demo message may be said");

        await stop.CancelAsync();
        Assert.That(await running.WaitAsync(Wait), Is.EqualTo(0), string.Join("\n", error.Lines));
        Assert.That(File.Exists(Path.Combine(data.Path, "data", "simulate.db")), Is.True, "the simulation keeps its own database beside storage.path");
        Assert.That(File.Exists(data.Database), Is.False);
    }

    [Test]
    public async Task With_webhook_the_platform_validates_the_callback_and_delivers_messages_and_replies_through_it()
    {
        using var data = new TempDirectory();
        using var file = new TempConfigFile(Config(data));
        using var input = new TerminalInput();
        var output = new LineCapture();
        var error = new LineCapture();
        using var stop = new CancellationTokenSource();

        var running = BridgeCli.InvokeAsync(["simulate", "--config", file.Path, "--webhook", "--no-demo"], input, output, error, ConfigFiles.NoEnvironment, stop.Token);
        var endpoint = await EndpointAsync(output, running, error);
        await Poll.UntilAsync(() => output.Lines.Any(line => line.StartsWith("Webhook:")) || running.IsCompleted, "the webhook registration");
        Assert.That(output.Lines, Has.Some.Match(@"^Webhook: the simulated platform delivers events by signed HTTP callbacks to http://127\.0\.0\.1:\d+/qq/callback \(callback validation passed\)\.$"));

        using var client = await JsonWebSocket.ConnectAsync(new Uri(endpoint));
        Assert.That((string?)(await client.ReceiveAsync())!["sub_type"], Is.EqualTo("connect"));
        await UntilGoodAsync(client);

        input.Type("by callback");
        var message = await NextMessageAsync(client, candidate => (string?)candidate["raw_message"] == "by callback");
        Assert.That((string?)message["message_type"], Is.EqualTo("group"));

        await client.SendAsync(new JObject
        {
            ["action"] = "send_group_msg",
            ["params"] = new JObject { ["group_id"] = message["group_id"], ["message"] = $"[CQ:reply,id={message["message_id"]}]heard you" },
            ["echo"] = "reply",
        });
        var reply = await NextFrameAsync(client, frame => (string?)frame["echo"] == "reply");
        Assert.That((string?)reply["status"], Is.EqualTo("ok"), reply.ToString());
        await Poll.UntilAsync(() => output.Lines.Any(line => line.StartsWith("QQ platform ←") && line.Contains("passive reply") && line.EndsWith("heard you")), "the reply as received");

        await stop.CancelAsync();
        Assert.That(await running.WaitAsync(Wait), Is.EqualTo(0), string.Join("\n", error.Lines));
    }

    [Test]
    public async Task Simulate_refuses_an_invalid_configuration_with_exit_2()
    {
        using var file = new TempConfigFile("onebot:\n  heartbeat_interval: soon\n");

        var result = await CliResult.InvokeAsync("simulate", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("onebot.heartbeat_interval"));
    }

    private static async Task<string> EndpointAsync(LineCapture output, Task<int> running, LineCapture error)
    {
        await Poll.UntilAsync(() => output.Lines.Any(line => line.Contains("Koishi")) || running.IsCompleted, "the connection instructions");
        Assert.That(running.IsCompleted, Is.False, () => string.Join("\n", error.Lines));
        return output.Lines.Select(line => Endpoint().Match(line)).First(match => match.Success).Value;
    }

    /// <summary>Asks get_status until <c>good</c>: by webhook, once the receiver listens and /users/@me answered.</summary>
    private static async Task UntilGoodAsync(JsonWebSocket client)
    {
        var deadline = DateTime.UtcNow + Wait;
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var echo = $"status-{attempt}";
            await client.SendAsync(new JObject { ["action"] = "get_status", ["echo"] = echo });
            var status = await NextFrameAsync(client, frame => (string?)frame["echo"] == echo);
            if ((bool?)status["data"]!["good"] == true)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("get_status never said good");
    }

    private static async Task<JObject> NextFrameAsync(JsonWebSocket client, Func<JObject, bool> wanted)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            var frame = await client.ReceiveAsync(Wait);
            Assert.That(frame, Is.Not.Null, "the connection closed");
            if (wanted(frame!))
            {
                return frame!;
            }
        }

        Assert.Fail("the expected frame did not arrive");
        return null!;
    }

    private static Task<JObject> NextMessageAsync(JsonWebSocket client, Func<JObject, bool>? wanted = null) =>
        NextFrameAsync(client, frame => (string?)frame["post_type"] == "message" && (wanted?.Invoke(frame) ?? true));

    private static IEnumerable<string?> Segments(JObject message) =>
        message["message"]!.Select(segment => (string?)segment["type"]);

    [GeneratedRegex(@"ws://127\.0\.0\.1:\d+")]
    private static partial Regex Endpoint();
}
