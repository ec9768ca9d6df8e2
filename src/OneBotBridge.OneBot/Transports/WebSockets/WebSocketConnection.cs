using System.Buffers;
using System.Net.WebSockets;
using System.Numerics;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Events;

namespace OneBotBridge.OneBot.Transports.WebSockets;

/// <summary>
/// One OneBot WebSocket, server or client side: a receive loop that starts actions, a send loop
/// that alone writes to the socket (lifecycle connect first, then heartbeats, action responses and
/// events from the <see cref="Outbox"/>), and a close that is always bounded in time.
/// Actions run concurrently, so a slow one never holds up the next frame.
/// </summary>
internal sealed partial class WebSocketConnection
{
    private const int MaxConcurrentActions = 64;
    private const int MaxMessageBytes = 64 * 1024 * 1024;
    // Small, and the buffer for longer messages only while one arrives: an idle connection holds little memory.
    private const int ReceiveChunkBytes = 2 * 1024;

    private readonly WebSocket _socket;
    private readonly ConnectionRole _role;
    private readonly Outbox _outbox;
    private readonly ConnectionSettings _settings;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _sendAbort;
    private readonly CancellationTokenSource _actionsCancel = new();
    private readonly SemaphoreSlim _actionSlots = new(MaxConcurrentActions, MaxConcurrentActions);
    private CloseRequest? _closeRequest;
    private long _overflows;

    public WebSocketConnection(WebSocket socket, string name, ConnectionRole role, Outbox outbox, ConnectionSettings settings)
    {
        _socket = socket;
        Name = name;
        _role = role;
        _outbox = outbox;
        _settings = settings;
        _logger = settings.Logger;
        _sendAbort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, settings.Time);
    }

    /// <summary>Names the connection in logs: transport, address and peer.</summary>
    public string Name { get; }

    /// <summary>Queues an event; a full outbox applies the overflow policy. Never blocks.</summary>
    public void OfferEvent(ReadOnlyMemory<byte> frame)
    {
        if (!_outbox.TryEnqueueEvent(frame))
        {
            HandleOverflow();
        }
    }

    /// <summary>Called when this connection's outbox refused a frame.</summary>
    public void HandleOverflow()
    {
        var overflows = Interlocked.Increment(ref _overflows);
        if (_settings.OverflowPolicy == OutboxOverflowPolicy.Close)
        {
            if (RequestClose(WebSocketCloseStatus.PolicyViolation, "outbox overflow: reader too slow", flush: false))
            {
                Log.ClosingSlowReader(_logger, Name);
            }
        }
        else if (BitOperations.IsPow2(overflows))
        {
            Log.DroppedFrames(_logger, Name, overflows);
        }
    }

    /// <summary>
    /// Runs until the peer closes, the socket fails, the outbox overflows (policy close), or
    /// <paramref name="stopping"/> fires (queued frames flushed for a bounded time, then close 1001).
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (_role.HasFlag(ConnectionRole.Event))
        {
            _outbox.TryEnqueueControl(_settings.Meta.Lifecycle(LifecycleEvent.Connect));
        }

        using var heartbeat = StartHeartbeat();
        await using var onStop = stopping.Register(
            () => RequestClose(WebSocketCloseStatus.EndpointUnavailable, "bridge shutting down", flush: true));

        var receiving = ReceiveLoopAsync();
        var sending = SendLoopAsync();
        if (await Task.WhenAny(receiving, sending).ConfigureAwait(false) == receiving)
        {
            RequestClose(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "", flush: false);
        }

        await sending.ConfigureAwait(false);
        await _actionsCancel.CancelAsync().ConfigureAwait(false);
        await AwaitPeerCloseAsync(receiving).ConfigureAwait(false);
        await WaitForActionsAsync().ConfigureAwait(false);

        lock (_gate)
        {
            _closeRequest ??= new CloseRequest(WebSocketCloseStatus.NormalClosure, "", Flush: false);
            _sendAbort.Dispose();
        }

        Log.Closed(_logger, Name, _socket.CloseStatus?.ToString() ?? "no close frame", _socket.CloseStatusDescription ?? "");
    }

    private ITimer? StartHeartbeat()
    {
        var interval = _settings.HeartbeatInterval;
        if (!_role.HasFlag(ConnectionRole.Event) || interval <= TimeSpan.Zero)
        {
            return null;
        }

        return _settings.Time.CreateTimer(_ => EnqueueHeartbeat(interval), null, interval, interval);
    }

    private void EnqueueHeartbeat(TimeSpan interval)
    {
        if (!_outbox.TryEnqueueControl(_settings.Meta.Heartbeat(interval)))
        {
            Log.HeartbeatSkipped(_logger, Name);
        }
    }

    /// <returns>Whether this was the first request (later ones change nothing).</returns>
    private bool RequestClose(WebSocketCloseStatus status, string reason, bool flush)
    {
        lock (_gate)
        {
            if (_closeRequest is not null)
            {
                return false;
            }

            _closeRequest = new CloseRequest(status, reason, flush);
            _sendAbort.CancelAfter(flush ? _settings.Timings.ShutdownFlushTimeout : _settings.Timings.CloseTimeout);
        }

        _outbox.Wake();
        return true;
    }

    private CloseRequest? PendingClose
    {
        get
        {
            lock (_gate)
            {
                return _closeRequest;
            }
        }
    }

    private async Task SendLoopAsync()
    {
        // Cancelling a WebSocket send aborts the socket, and a send given a cancelable token takes the socket's slow path
        // (a registration and a state machine per frame): frames go without one, and the abort aborts the socket itself.
        using var abortSends = _sendAbort.Token.UnsafeRegister(static connection => ((WebSocketConnection)connection!).AbortSends(), this);
        try
        {
            while (true)
            {
                var close = PendingClose;
                if (close is { Flush: false })
                {
                    break;
                }

                if (_outbox.TryPeek(out var frame))
                {
                    _sendAbort.Token.ThrowIfCancellationRequested();
                    await _socket.SendAsync(frame.Bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
                        .ConfigureAwait(false);
                    _outbox.Remove(frame);
                    continue;
                }

                if (close is not null)
                {
                    break;
                }

                await _outbox.WaitAsync().ConfigureAwait(false);
                _sendAbort.Token.ThrowIfCancellationRequested();
            }

            var request = PendingClose!;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(request.Status, request.Reason, _sendAbort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            Log.SendStopped(_logger, Name, ex.Message);
            _socket.Abort();
        }
    }

    private void AbortSends()
    {
        _socket.Abort();
        _outbox.Wake();
    }

    private async Task ReceiveLoopAsync()
    {
        var chunk = new byte[ReceiveChunkBytes];
        ArrayBufferWriter<byte>? longMessage = null;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (result.EndOfMessage && longMessage is null)
                {
                    await OnMessageAsync(chunk.AsSpan(0, result.Count).ToArray()).ConfigureAwait(false);
                    continue;
                }

                longMessage ??= new ArrayBufferWriter<byte>(ReceiveChunkBytes * 2);
                longMessage.Write(chunk.AsSpan(0, result.Count));
                if (longMessage.WrittenCount > MaxMessageBytes)
                {
                    Log.MessageTooBig(_logger, Name, MaxMessageBytes);
                    RequestClose(WebSocketCloseStatus.MessageTooBig, "message too big", flush: false);
                    return;
                }

                if (result.EndOfMessage)
                {
                    await OnMessageAsync(longMessage.WrittenSpan.ToArray()).ConfigureAwait(false);
                    longMessage = null;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            Log.ReceiveStopped(_logger, Name, ex.Message);
        }
    }

    private async Task OnMessageAsync(byte[] frame)
    {
        if (!_role.HasFlag(ConnectionRole.Api))
        {
            Log.IgnoredFrame(_logger, Name);
            return;
        }

        await _actionSlots.WaitAsync(_actionsCancel.Token).ConfigureAwait(false);

        // Owned by the slot it holds: WaitForActionsAsync takes every slot back before the connection ends.
        _ = RunActionAsync(frame, _actionsCancel.Token);
    }

    private async Task RunActionAsync(byte[] frame, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _settings.Dispatcher.DispatchFrameAsync(frame, cancellationToken).ConfigureAwait(false);
            if (!_outbox.TryEnqueueControl(response))
            {
                HandleOverflow();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection is closing; nobody is left to read the answer.
        }
        catch (Exception ex)
        {
            Log.DispatchFailed(_logger, Name, ex);
        }
        finally
        {
            _actionSlots.Release();
        }
    }

    private async Task AwaitPeerCloseAsync(Task receiving)
    {
        try
        {
            await receiving.WaitAsync(_settings.Timings.CloseTimeout, _settings.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
            await receiving.ConfigureAwait(false);
        }
    }

    private async Task WaitForActionsAsync()
    {
        for (var slot = 0; slot < MaxConcurrentActions; slot++)
        {
            await _actionSlots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private sealed record CloseRequest(WebSocketCloseStatus Status, string Reason, bool Flush);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Connection}: outbox full, the reader cannot keep up; closing it with 1008 so it reconnects")]
        public static partial void ClosingSlowReader(ILogger logger, string connection);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Connection}: outbox full, {Dropped} frames dropped so far")]
        public static partial void DroppedFrames(ILogger logger, string connection, long dropped);

        [LoggerMessage(Level = LogLevel.Debug, Message = "{Connection}: control queue full, heartbeat skipped")]
        public static partial void HeartbeatSkipped(ILogger logger, string connection);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Connection}: a message exceeded {Limit} bytes; closing with 1009")]
        public static partial void MessageTooBig(ILogger logger, string connection, int limit);

        [LoggerMessage(Level = LogLevel.Debug, Message = "{Connection}: frame ignored, this connection carries events only")]
        public static partial void IgnoredFrame(ILogger logger, string connection);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Connection}: the action dispatcher threw")]
        public static partial void DispatchFailed(ILogger logger, string connection, Exception exception);

        [LoggerMessage(Level = LogLevel.Debug, Message = "{Connection}: send loop stopped: {Reason}")]
        public static partial void SendStopped(ILogger logger, string connection, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "{Connection}: receive loop stopped: {Reason}")]
        public static partial void ReceiveStopped(ILogger logger, string connection, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Connection}: closed ({Status} {Description})")]
        public static partial void Closed(ILogger logger, string connection, string status, string description);
    }
}
