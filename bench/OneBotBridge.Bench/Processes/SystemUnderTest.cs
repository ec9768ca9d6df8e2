using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OneBotBridge.Bench.Relay;
using OneBotBridge.Simulator;

namespace OneBotBridge.Bench.Processes;

/// <summary>
/// The process between the simulated QQ platform and the OneBot clients: the bridge, or the minimal relay
/// that gives the physical limit. Started against a simulator and ready once the simulator sent it READY
/// and its WebSocket port accepts connections.
/// </summary>
internal sealed class SystemUnderTest : IAsyncDisposable
{
    /// <summary>The apphosts beside the bench, named after their assemblies: the bridge's (a project reference) and the bench's own.</summary>
    private static readonly string BridgeExecutable = typeof(OneBotBridge.Cli.BridgeCli).Assembly.GetName().Name!;
    private static readonly string BenchExecutable = typeof(SystemUnderTest).Assembly.GetName().Name!;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private SystemUnderTest(ChildProcess process, Uri clientUri, TimeSpan readyAfter)
    {
        Process = process;
        ClientUri = clientUri;
        ReadyAfter = readyAfter;
    }

    public ChildProcess Process { get; }

    /// <summary>Where OneBot clients connect: the forward WebSocket's universal path.</summary>
    public Uri ClientUri { get; }

    /// <summary>From process start to the simulator sending READY.</summary>
    public TimeSpan ReadyAfter { get; }

    /// <summary>The real executable with <c>run --config</c>: SQLite storage in <paramref name="dataDirectory"/>, logging at warning.</summary>
    public static Task<SystemUnderTest> StartBridgeAsync(QQSimulator simulator, string dataDirectory, CancellationToken cancellationToken) =>
        StartAsync(simulator, port =>
        {
            var config = Path.Combine(dataDirectory, "bridge.yaml");
            File.WriteAllText(config, $$"""
                qq:
                  api_base: {{simulator.ApiBase}}
                  token_url: {{simulator.TokenUrl}}
                onebot:
                  forward_ws: [ { listen: "127.0.0.1:{{port}}" } ]
                storage:
                  path: '{{Path.Combine(dataDirectory, "bridge.db")}}'
                logging:
                  level: warning
                """);
            return ChildProcess.Start("the bridge", BridgeExecutable, ["run", "--config", config], Credentials(simulator));
        }, cancellationToken);

    /// <summary>This executable's hidden <c>relay-process</c> verb.</summary>
    public static Task<SystemUnderTest> StartRelayAsync(QQSimulator simulator, CancellationToken cancellationToken) =>
        StartAsync(simulator, port => ChildProcess.Start(
            "the relay",
            BenchExecutable,
            [RelayCommand.Name, "--token-url", simulator.TokenUrl, "--gateway", simulator.GatewayUrl, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Credentials(simulator)), cancellationToken);

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static Dictionary<string, string> Credentials(QQSimulator simulator) => new()
    {
        ["QQ_APP_ID"] = simulator.Options.AppId,
        ["QQ_CLIENT_SECRET"] = simulator.Options.ClientSecret,
    };

    private static async Task<SystemUnderTest> StartAsync(QQSimulator simulator, Func<int, ChildProcess> start, CancellationToken cancellationToken)
    {
        var port = FreePort.Pick();
        var ready = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReady() => ready.TrySetResult(Stopwatch.GetTimestamp());
        simulator.ReadySent += OnReady;
        var started = Stopwatch.GetTimestamp();
        var process = start(port);
        try
        {
            await WaitAsync(process, ready.Task, "READY", cancellationToken);
            using var probing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                await WaitAsync(process, AcceptsAsync(port, probing.Token), $"port {port} to accept connections", cancellationToken);
            }
            finally
            {
                await probing.CancelAsync();
            }
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        finally
        {
            simulator.ReadySent -= OnReady;
        }

        return new SystemUnderTest(process, new Uri($"ws://127.0.0.1:{port}/"), Stopwatch.GetElapsedTime(started, await ready.Task));
    }

    private static async Task WaitAsync(ChildProcess process, Task condition, string what, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition.IsCompleted)
        {
            if (process.HasExited)
            {
                throw process.Failure($"{process.Name} exited while the bench waited for {what}");
            }

            if (Stopwatch.GetElapsedTime(started) > StartTimeout)
            {
                throw process.Failure($"{process.Name} did not get to {what} within {StartTimeout.TotalSeconds:0} s");
            }

            await Task.WhenAny(condition, Task.Delay(20, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }

        await condition;
    }

    private static async Task AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }
}
