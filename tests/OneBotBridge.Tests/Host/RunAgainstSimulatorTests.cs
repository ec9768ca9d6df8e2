using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.Hosting;
using OneBotBridge.QQ;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Host;

/// <summary>The <c>run</c> verb and the bridge host wired to the QQ gateway, against the simulated platform over loopback.</summary>
public sealed class RunAgainstSimulatorTests
{
    private static string ConfigFor(QQSimulator simulator, TempDirectory data, string intents = "[guilds, public_guild_messages, group_and_c2c_event]") => $"""
        storage:
          path: '{data.Database}'
        qq:
          api_base: {simulator.ApiBase}
          token_url: {simulator.TokenUrl}
          intents: {intents}
          reconnect: {"{"} initial_delay: 10ms, max_delay: 100ms {"}"}
        onebot:
          forward_ws: []
        """;

    private static OneBotBridge.Configuration.EnvironmentLookup Credentials(QQSimulator simulator, string? secret = null) =>
        ConfigFiles.Environment(("QQ_APP_ID", simulator.Options.AppId), ("QQ_CLIENT_SECRET", secret ?? simulator.Options.ClientSecret));

    private static bool Identified(QQSimulator simulator) => simulator.ReceivedGatewayFrames.Any(frame => (int?)frame["op"] == 2);

    [Test]
    public async Task Run_connects_to_the_platform_and_exits_0_when_stopped()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var data = new TempDirectory();
        using var file = new TempConfigFile(ConfigFor(simulator, data));
        using var stop = new CancellationTokenSource();

        var running = CliResult.InvokeAsync(Credentials(simulator), stop.Token, "run", "--config", file.Path);
        await Poll.UntilAsync(() => Identified(simulator) || running.IsCompleted, "the bridge to identify on the gateway");
        await stop.CancelAsync();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(Identified(simulator), Is.True);
    }

    [Test]
    public async Task Run_exits_1_with_the_fatal_message_when_an_intent_is_not_authorised()
    {
        var granted = Intents.Resolve(["guilds", "group_and_c2c_event"]);
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100), GrantedIntents = granted });
        using var data = new TempDirectory();
        using var file = new TempConfigFile(ConfigFor(simulator, data));

        var result = await CliResult.InvokeAsync(Credentials(simulator), CancellationToken.None, "run", "--config", file.Path)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Error, Does.Contain("fatal").And.Contain("intent"));
    }

    [Test]
    public async Task Run_exits_1_on_wrong_credentials_and_never_prints_the_secret()
    {
        const string wrongSecret = "Wrong-Secret-0x5eed";
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var data = new TempDirectory();
        using var file = new TempConfigFile(ConfigFor(simulator, data));

        var result = await CliResult.InvokeAsync(Credentials(simulator, wrongSecret), CancellationToken.None, "run", "--config", file.Path)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Error, Does.Contain("qq.client_secret"));
        Assert.That(result.All, Does.Not.Contain(wrongSecret));
    }

    [Test]
    public async Task The_host_logs_ready_at_information_and_each_dispatch_type_at_debug_but_no_secret()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var data = new TempDirectory();
        var loaded = ConfigFiles.Load(ConfigFor(simulator, data) + "\nlogging: { level: debug }\n", Credentials(simulator));
        Assert.That(loaded.Problems, Is.Empty);
        var configuration = loaded.Configuration;
        var logs = new CapturingLoggerProvider();
        var builder = BridgeHostBuilder.Create(configuration);
        builder.Services.AddBridgeRuntime();
        builder.Logging.AddProvider(logs);
        using var host = builder.Build();
        await host.PrepareAsync(CancellationToken.None);

        await host.StartAsync(CancellationToken.None);
        try
        {
            await Poll.UntilAsync(() => logs.Lines.Any(line => line.Contains("ready as")), "the READY log line");
            await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject
            {
                ["id"] = "ROBOT1.0_x", ["content"] = "private words", ["timestamp"] = "2025-02-15T16:35:23+08:00",
                ["author"] = new JObject { ["id"] = "AB12", ["user_openid"] = "AB12" },
            });
            await Poll.UntilAsync(() => logs.Lines.Any(line => line.Contains("QQ C2C_MESSAGE_CREATE event")), "the dispatch log line");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        Assert.That(logs.Lines, Has.Some.StartsWith("Information").And.Contains($"Upstream ready as {simulator.Options.BotUsername} ({simulator.Options.BotUserId})"));
        Assert.That(logs.Lines, Has.Some.StartsWith("Debug").And.Contains("Dispatch C2C_MESSAGE_CREATE (shard 0, seq"));
        Assert.That(logs.Lines, Has.Some.StartsWith("Debug").And.Contains("QQ C2C_MESSAGE_CREATE event"));
        Assert.That(logs.Lines, Has.None.Contains(simulator.Options.ClientSecret));
        Assert.That(logs.Lines, Has.None.Contains("private words"));
    }
}
