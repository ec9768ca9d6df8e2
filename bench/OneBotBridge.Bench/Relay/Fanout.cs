using System.Net.WebSockets;

namespace OneBotBridge.Bench.Relay;

/// <summary>The relay's downstream sockets; a frame goes to all of them at once, as is.</summary>
internal sealed class Fanout
{
    private readonly Lock _gate = new();

    // Copy-on-write, so forwarding reads a snapshot without locking.
    private WebSocket[] _sockets = [];

    public void Add(WebSocket socket)
    {
        lock (_gate)
        {
            _sockets = [.. _sockets, socket];
        }
    }

    public void Remove(WebSocket socket)
    {
        lock (_gate)
        {
            _sockets = [.. _sockets.Where(known => known != socket)];
        }
    }

    /// <summary>Sends <paramref name="frame"/> to every socket and returns once every send completed.</summary>
    public async ValueTask ForwardAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        List<Task>? pending = null;
        foreach (var socket in Volatile.Read(ref _sockets))
        {
            var send = SendAsync(socket, frame, cancellationToken);
            if (!send.IsCompletedSuccessfully)
            {
                (pending ??= []).Add(send.AsTask());
            }
        }

        if (pending is not null)
        {
            await Task.WhenAll(pending);
        }
    }

    private async ValueTask SendAsync(WebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            // The client left between two frames; the ones still here carry on.
            Remove(socket);
        }
    }
}
