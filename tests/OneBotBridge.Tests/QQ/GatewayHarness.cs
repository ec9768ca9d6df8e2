using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.QQ;

/// <summary>A simulator and a bridge-side gateway client talking to it over loopback sockets.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();

    private GatewayHarness(QQSimulator simulator, QQOptions options, TimeProvider time, GatewayTimings timings, int capacity)
    {
        Simulator = simulator;
        Options = options;
        var retry = new HttpRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
        Loggers = TestOutputLoggerProvider.CreateFactory();
        Tokens = new QQTokenSource(_http, options, time, Loggers.CreateLogger<QQTokenSource>(), retry);
        Api = new QQOpenApiClient(_http, Tokens, options, time, Loggers.CreateLogger<QQOpenApiClient>(), retry);
        Gateway = new QQGateway(options, Api, Tokens, time, Loggers, socketFactory: null, timings);
        Output = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(capacity) { SingleReader = true });
    }

    public ILoggerFactory Loggers { get; }
    public QQSimulator Simulator { get; }
    public QQOptions Options { get; }
    public QQTokenSource Tokens { get; }
    public QQOpenApiClient Api { get; }
    public QQGateway Gateway { get; }
    public Channel<GatewayDispatch> Output { get; }
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Frames the bridge sent that start a session (Identify, op 2) or resume one (Resume, op 6).</summary>
    public IReadOnlyList<JObject> Handshakes => [.. Simulator.ReceivedGatewayFrames.Where(frame => (int?)frame["op"] is 2 or 6)];

    public static async Task<GatewayHarness> StartAsync(
        Action<QQSimulatorOptions>? simulator = null,
        Action<QQOptions>? bridge = null,
        TimeProvider? time = null,
        GatewayTimings? timings = null,
        int capacity = 1024,
        bool run = true)
    {
        var simulatorOptions = new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        simulator?.Invoke(simulatorOptions);
        var started = await QQSimulator.StartAsync(simulatorOptions);
        var options = new QQOptions
        {
            AppId = simulatorOptions.AppId,
            ClientSecret = simulatorOptions.ClientSecret,
            ApiBase = started.ApiBase,
            TokenUrl = started.TokenUrl,
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        bridge?.Invoke(options);
        var harness = new GatewayHarness(
            started,
            options,
            time ?? TimeProvider.System,
            timings ?? new GatewayTimings { InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10), InvalidSessionDelayMax = TimeSpan.FromMilliseconds(50) },
            capacity);
        if (run)
        {
            harness.Run();
        }

        return harness;
    }

    public void Run() => Running = Gateway.RunAsync(Output.Writer, _stop.Token);

    public async Task WaitReadyAsync(string what = "the gateway to be ready")
    {
        var ready = await Eventually.TrueAsync(() => Gateway.IsReady || Running.IsCompleted, TimeSpan.FromSeconds(15));
        if (Running.IsCompleted)
        {
            await Running;
        }

        Assert.That(ready && Gateway.IsReady, Is.True, what);
    }

    /// <summary>Waits until the bridge has sent <paramref name="count"/> handshakes and the last one led to a live session.</summary>
    public async Task WaitHandshakesAsync(int count)
    {
        await Eventually.AssertAsync(() => Handshakes.Count >= count || Running.IsCompleted, $"{count} handshakes", TimeSpan.FromSeconds(15));
        await WaitReadyAsync($"ready after handshake {count}");
    }

    public async Task<GatewayDispatch> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await Output.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("no dispatch arrived in time");
            throw;
        }
    }

    /// <summary>Pushes a C2C message numbered <paramref name="n"/> on <paramref name="shard"/>.</summary>
    public Task<JObject> PushAsync(int n, int shard = 0) =>
        Simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["id"] = $"ROBOT1.0_n{n}", ["content"] = $"message {n}", ["n"] = n }, shard: shard);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OneBotBridge.QQ.QQFatalException)
        {
        }

        await Simulator.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
        Loggers.Dispose();
    }
}
