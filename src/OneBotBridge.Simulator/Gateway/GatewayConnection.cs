using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>
/// One accepted WebSocket: serialised sends, whole-message receives, close handshakes and aborts.
/// Knows nothing of the protocol beyond "text frames of JSON".
/// </summary>
internal sealed class GatewayConnection(long id, WebSocket socket, HttpContext context, TimeProvider time) : IDisposable
{
    private const int MaxFrameBytes = 1 << 20;
    private const int CloseReasonMaxBytes = 123;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closeDeadline = new(Timeout.InfiniteTimeSpan, time);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closing;

    public long Id => id;

    /// <summary>The session this connection identified or resumed, if any.</summary>
    public GatewaySession? Session { get; set; }

    /// <summary>True once the server has started the close handshake; later frames are ignored.</summary>
    public bool IsClosing => _closing;

    /// <summary>Completes when the connection's receive loop has ended.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Sends one frame; false when the socket is no longer open.</summary>
    public Task<bool> SendAsync(JObject frame, CancellationToken cancellationToken) => SendAsync(Encode(frame), cancellationToken);

    /// <summary>Sends one frame, already <see cref="Encode">encoded</see>; false when the socket is no longer open.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_closing || socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Receives one whole text message; null once the peer closed or the frame was refused.</summary>
    public async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closeDeadline.Token);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, linked.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerPeerCloseAsync(cancellationToken);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes)
            {
                await CloseAsync(GatewayCloseCode.InvalidPayload, $"frame larger than {MaxFrameBytes} bytes", cancellationToken);
                return null;
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    /// <summary>Starts the close handshake; the receive loop ends when the peer answers or the handshake times out.</summary>
    public async Task CloseAsync(int closeCode, string reason, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, Truncate(reason), cancellationToken);
            }
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            // The peer is already gone; there is nobody left to tell.
        }
        finally
        {
            _sendLock.Release();
        }

        try
        {
            _closeDeadline.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The receive loop already ended.
        }
    }

    /// <summary>Cuts the TCP connection without a close frame.</summary>
    public void Abort()
    {
        _closing = true;
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended: the connection is gone.
        }
    }

    public void MarkFinished() => _finished.TrySetResult();

    /// <summary>The send lock is left alone: a late sender may still be queued on it and must get "false", not a throw.</summary>
    public void Dispose() => _closeDeadline.Dispose();

    /// <summary>A frame as it goes on the wire: UTF-8 JSON.</summary>
    public static byte[] Encode(JObject frame) => Encoding.UTF8.GetBytes(SimulatorJson.Serialize(frame));

    public static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is WebSocketException or IOException or ObjectDisposedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task AnswerPeerCloseAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            _closing = true;
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
            }
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            // The peer left without waiting for our answer.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= CloseReasonMaxBytes)
        {
            return reason;
        }

        var end = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, end)) > CloseReasonMaxBytes)
        {
            end--;
        }

        return reason[..end];
    }
}
