using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneBotBridge.Hosting;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.OneBot.Transports;

namespace OneBotBridge.Tests.Host;

/// <summary>The whole <c>run</c> host, prepared and started against the simulator, with its state in a temporary directory.</summary>
internal sealed class RunningBridge : IAsyncDisposable
{
    private RunningBridge(IHost host) => Host = host;

    public IHost Host { get; }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <param name="qq">More keys of the <c>qq</c> section, one per line.</param>
    public static async Task<RunningBridge> StartAsync(QQSimulator simulator, TempDirectory data, string onebot = "", string qq = "")
    {
        var loaded = ConfigFiles.Load(
            $$"""
            qq:
              api_base: {{simulator.ApiBase}}
              token_url: {{simulator.TokenUrl}}
              intents: [guilds, public_guild_messages, group_and_c2c_event]
              reconnect: { initial_delay: 10ms, max_delay: 100ms }
              {{qq}}
            onebot:
              {{onebot}}
              forward_ws: [ { listen: "127.0.0.1:0" } ]
            {{data.StorageYaml}}
            """,
            ConfigFiles.Environment(("QQ_APP_ID", simulator.Options.AppId), ("QQ_CLIENT_SECRET", simulator.Options.ClientSecret)));
        Assert.That(loaded.Problems, Is.Empty, () => string.Join("\n", loaded.Problems.Select(p => p.Format("test.yaml"))));
        var builder = BridgeHostBuilder.Create(loaded.Configuration);
        builder.Services.AddBridgeRuntime();
        var host = builder.Build();
        await host.PrepareAsync(CancellationToken.None);
        await host.StartAsync(CancellationToken.None);
        return new RunningBridge(host);
    }

    /// <summary>A framework's connection to the forward WebSocket's universal path.</summary>
    public Task<JsonWebSocket> ConnectAsync()
    {
        var address = Get<OneBotTransports>().ForwardWsAddresses[0];
        return JsonWebSocket.ConnectAsync(new Uri($"ws://{address.Authority}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
