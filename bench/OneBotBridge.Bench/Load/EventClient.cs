using System.Buffers.Text;
using System.Net.WebSockets;
using OneBotBridge.Bench.Measurement;

namespace OneBotBridge.Bench.Load;

/// <summary>
/// A framework's WebSocket connection reduced to what the bench needs: it reads every frame, finds the
/// marked events in the raw bytes (no JSON parsing, so the client costs as little as it can), checks that
/// each arrives exactly once, and records its latency from the push.
/// </summary>
internal sealed class EventClient : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket;
    private readonly PushLog _log;
    private readonly ulong[] _seen;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _received;
    private volatile bool _closing;
    private volatile string? _failure;

    private EventClient(ClientWebSocket socket, MessageReader reader, PushLog log)
    {
        _socket = socket;
        _log = log;
        _seen = new ulong[(log.Capacity + 63) / 64];
        _receiving = ReceiveLoopAsync(reader);
    }

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Distinct marked events received so far.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Why this client's view cannot be trusted (a duplicate, a closed connection…), or null.</summary>
    public string? Failure => _failure;

    /// <summary>Connects and waits for the first frame (the bridge's lifecycle event, the relay's greeting): from then on it gets every event.</summary>
    public static async Task<EventClient> ConnectAsync(Uri uri, PushLog log, CancellationToken cancellationToken)
    {
        var socket = await BenchSockets.ConnectAsync(uri, cancellationToken);
        var reader = new MessageReader(socket);
        if (await reader.ReceiveAsync(cancellationToken) is null)
        {
            socket.Dispose();
            throw new BenchFailedException($"{uri} closed a new connection before its first frame");
        }

        return new EventClient(socket, reader, log);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            await _receiving.WaitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            // The server did not answer the close in time; the socket is cut below.
        }

        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(MessageReader reader)
    {
        try
        {
            while (await reader.ReceiveAsync(_stop.Token) is { } frame)
            {
                Observe(frame.Span);
            }

            Fail("the server closed the connection");
        }
        catch (Exception exception)
        {
            Fail($"the connection failed: {exception.Message}");
        }
    }

    private void Observe(ReadOnlySpan<byte> frame)
    {
        var at = frame.IndexOf(DispatchMix.Marker);
        if (at < 0)
        {
            return;
        }

        if (!Utf8Parser.TryParse(frame[(at + DispatchMix.Marker.Length)..], out int seq, out _) || seq < 0 || seq >= _log.Count)
        {
            Fail($"received an event that was never pushed: {System.Text.Encoding.UTF8.GetString(frame)}");
            return;
        }

        var bit = 1UL << (seq & 63);
        if ((_seen[seq >> 6] & bit) != 0)
        {
            Fail($"received event {seq} twice");
            return;
        }

        _seen[seq >> 6] |= bit;
        if (seq >= _log.MeasuredFrom)
        {
            Latency.RecordSince(_log.PushedAt(seq));
        }

        Volatile.Write(ref _received, _received + 1);
    }

    private void Fail(string reason)
    {
        if (!_closing)
        {
            _failure ??= reason;
        }
    }
}
