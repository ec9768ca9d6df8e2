using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>
/// Plays a OneBot framework that listens for reverse WebSockets (like NoneBot or Koishi) on loopback:
/// records each connection's headers and hands its socket to the test. While <see cref="Accepting"/>
/// is false it answers upgrades with 503 and counts them.
/// </summary>
internal sealed class FakeFrameworkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FrameworkConnection> _connections = Channel.CreateBounded<FrameworkConnection>(64);
    private readonly List<FrameworkConnection> _all = [];
    private int _refused;

    private FakeFrameworkServer(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddLogging();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(HandleAsync);
    }

    public volatile bool Accepting = true;

    public int Refused => Volatile.Read(ref _refused);

    public int Port => new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

    public string Url(string path = "/onebot") => $"ws://127.0.0.1:{Port}{path}";

    public static async Task<FakeFrameworkServer> StartAsync(int port = 0)
    {
        var server = new FakeFrameworkServer(port);
        await server._app.StartAsync();
        return server;
    }

    public async Task<FrameworkConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(JsonWebSocket.DefaultWait);
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_all)
        {
            _all.ForEach(connection => connection.Release());
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!Accepting)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FrameworkConnection(context.Request.Path, headers, new JsonWebSocket(socket));
        lock (_all)
        {
            _all.Add(connection);
        }

        await _connections.Writer.WriteAsync(connection);
        await connection.Released;
    }
}

/// <summary>One reverse WebSocket as the framework sees it. <see cref="Headers"/> keys keep the casing that was sent.</summary>
internal sealed class FrameworkConnection(string path, IReadOnlyDictionary<string, string> headers, JsonWebSocket socket)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path => path;

    public IReadOnlyDictionary<string, string> Headers => headers;

    public JsonWebSocket Socket => socket;

    public Task Released => _released.Task;

    /// <summary>Closes from the framework's side, the way a restarting framework would.</summary>
    public async Task DropAsync()
    {
        using var timeout = new CancellationTokenSource(JsonWebSocket.DefaultWait);
        await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        Release();
    }

    public void Release() => _released.TrySetResult();
}
