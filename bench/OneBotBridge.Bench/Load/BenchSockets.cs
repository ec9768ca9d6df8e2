using System.Net.WebSockets;

namespace OneBotBridge.Bench.Load;

internal static class BenchSockets
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A client WebSocket with the large receive buffer frameworks' libraries use, connected within a bounded time.</summary>
    public static async Task<ClientWebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetBuffer(64 * 1024, 16 * 1024);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token);
            return socket;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new BenchFailedException($"could not connect to {uri}: {exception.Message}");
        }
    }
}
