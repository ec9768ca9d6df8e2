using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Cli;

namespace OneBotBridge.Tests.Host;

/// <summary>The <c>simulate</c> verb, run in-process: no credentials, a built-in platform, OneBot served.</summary>
public sealed partial class SimulateCommandTests
{
    [Test]
    public async Task Simulate_needs_no_credentials_says_where_to_connect_and_serves_OneBot()
    {
        using var file = new TempConfigFile("onebot:\n  forward_ws: [ { listen: \"127.0.0.1:0\" } ]\n" + ConfigFiles.FreshStorage());
        var output = new LineCapture();
        var error = new LineCapture();
        using var stop = new CancellationTokenSource();

        var running = BridgeCli.InvokeAsync(["simulate", "--config", file.Path, "--no-demo"], TextReader.Null, output, error, ConfigFiles.NoEnvironment, stop.Token);
        await Poll.UntilAsync(() => output.Lines.Any(line => line.Contains("Koishi")) || running.IsCompleted, "the connection instructions");
        Assert.That(running.IsCompleted, Is.False, string.Join("\n", error.Lines));

        var endpoint = output.Lines.Select(line => Endpoint().Match(line)).First(match => match.Success).Value;
        Assert.That(output.Lines, Has.Some.Contains($"ONEBOT_WS_URLS=[\"{endpoint}\"]"));
        Assert.That(output.Lines, Has.Some.Contains("No demo conversation"));

        using (var client = new ClientWebSocket())
        {
            await client.ConnectAsync(new Uri(endpoint), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            var connect = await ReceiveAsync(client);
            Assert.That((string?)connect["sub_type"], Is.EqualTo("connect"));
            await client.SendAsync(Encoding.UTF8.GetBytes("""{"action":"get_version_info","echo":1}"""), WebSocketMessageType.Text, true, CancellationToken.None);
            JObject response;
            do
            {
                response = await ReceiveAsync(client);
            }
            while (!response.ContainsKey("retcode"));
            Assert.That((string?)response["data"]!["protocol_version"], Is.EqualTo("v11"));
            Assert.That((int?)response["echo"], Is.EqualTo(1));
        }

        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(exitCode, Is.EqualTo(0), string.Join("\n", error.Lines));
    }

    [Test]
    public async Task Simulate_refuses_an_invalid_configuration_with_exit_2()
    {
        using var file = new TempConfigFile("onebot:\n  heartbeat_interval: soon\n");

        var result = await CliResult.InvokeAsync("simulate", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("onebot.heartbeat_interval"));
    }

    private static async Task<JObject> ReceiveAsync(ClientWebSocket client)
    {
        var buffer = new byte[64 * 1024];
        var result = await client.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return JObject.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count));
    }

    [GeneratedRegex(@"ws://127\.0\.0\.1:\d+")]
    private static partial Regex Endpoint();
}
