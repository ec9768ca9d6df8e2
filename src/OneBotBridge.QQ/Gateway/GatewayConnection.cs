using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// One socket's life: connect, Hello, Identify or Resume, then read frames and heartbeat until the
/// link ends, and say why it ended. Session state lives in <see cref="GatewaySession"/>, not here:
/// every attempt gets a fresh connection and a fresh <see cref="ClientWebSocket"/>.
/// </summary>
internal sealed partial class GatewayConnection(
    ClientWebSocket socket,
    GatewaySession session,
    int shardId,
    ChannelWriter<GatewayDispatch> output,
    GatewayCounters counters,
    TimeProvider time,
    GatewayTimings timings,
    ILogger logger) : IAsyncDisposable
{
    private readonly HeartbeatTracker _heartbeat = new(time);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ArrayBufferWriter<byte> _frame = new(4096);
    private volatile bool _zombie;
    private volatile bool _waitingForConsumer;

    /// <summary>Completes when READY or RESUMED arrives: the session is live.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The bot account READY reported, once it has.</summary>
    public QQBotUser? User { get; private set; }

    /// <summary>
    /// Runs the connection until it ends, answering Hello with <paramref name="handshake"/> (an
    /// Identify or a Resume frame). Throws only when cancelled.
    /// </summary>
    public async Task<GatewayClosure> RunAsync(Uri url, JObject handshake, CancellationToken cancellationToken)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeating = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(url, connection.Token).ConfigureAwait(false);
            var hello = await ReceiveAsync(connection.Token).ConfigureAwait(false);
            if (hello is null)
            {
                return Closed();
            }

            if (hello.Op != GatewayOpcode.Hello || hello.Data is not JObject helloData
                || (long?)helloData["heartbeat_interval"] is not { } interval || interval <= 0)
            {
                return new GatewayClosure(ClosureKind.TransportFailed, Reason: $"expected Hello with a heartbeat_interval, got op {(int)hello.Op}");
            }

            await SendAsync(handshake, connection.Token).ConfigureAwait(false);
            if ((GatewayOpcode)(int)handshake["op"]! == GatewayOpcode.Resume)
            {
                counters.Resumed();
            }
            else
            {
                counters.Identified();
            }

            heartbeating = HeartbeatAsync(TimeSpan.FromMilliseconds(interval), connection);
            return await ReceiveLoopAsync(connection.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return _zombie ? new GatewayClosure(ClosureKind.Zombie) : new GatewayClosure(ClosureKind.TransportFailed, Error: ex);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await heartbeating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                await CloseQuietlyAsync().ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        _sending.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<GatewayClosure> ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } payload)
        {
            switch (payload.Op)
            {
                case GatewayOpcode.Dispatch:
                    await OnDispatchAsync(payload, cancellationToken).ConfigureAwait(false);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    if (_heartbeat.Acked() is { } roundTrip)
                    {
                        counters.HeartbeatAcked(roundTrip);
                    }

                    break;
                case GatewayOpcode.Heartbeat:
                    await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case GatewayOpcode.Reconnect:
                    return new GatewayClosure(ClosureKind.ReconnectRequested);
                case GatewayOpcode.InvalidSession:
                    return new GatewayClosure(ClosureKind.InvalidSession);
                default:
                    Log.UnexpectedOpcode(logger, shardId, (int)payload.Op);
                    break;
            }
        }

        return Closed();
    }

    private async Task OnDispatchAsync(GatewayPayload payload, CancellationToken cancellationToken)
    {
        counters.EventReceived();
        switch (payload.Type)
        {
            case "READY":
                var ready = payload.Data as JObject ?? [];
                session.Start((string?)ready["session_id"] ?? "");
                if (payload.Seq is { } readySeq)
                {
                    session.Advance(readySeq);
                }

                if (ready["user"] is JObject user)
                {
                    User = new QQBotUser((string?)user["id"] ?? "", (string?)user["username"] ?? "");
                }

                Log.Ready(logger, shardId, User?.Username);
                _ready.TrySetResult();
                return;
            case "RESUMED":
                if (payload.Seq is { } resumedSeq)
                {
                    session.Advance(resumedSeq);
                }

                Log.Resumed(logger, shardId, session.LastSeq);
                _ready.TrySetResult();
                return;
        }

        if (payload.Seq is { } seq && !session.IsNew(seq))
        {
            counters.DuplicateSkipped();
            Log.DuplicateSkipped(logger, shardId, payload.Type, seq);
            return;
        }

        await DeliverAsync(payload.ToDispatch(shardId), cancellationToken).ConfigureAwait(false);
        if (payload.Seq is { } delivered)
        {
            session.Advance(delivered);
        }
    }

    /// <summary>
    /// Hands a dispatch on. While the consumer is slow, frames (and so heartbeat ACKs) stay unread
    /// in the socket; the heartbeat loop must not mistake that for a dead link.
    /// </summary>
    private async ValueTask DeliverAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (output.TryWrite(dispatch))
        {
            return;
        }

        _waitingForConsumer = true;
        try
        {
            await output.WriteAsync(dispatch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waitingForConsumer = false;
        }
    }

    /// <summary>Heartbeats every <paramref name="interval"/>; a heartbeat still unacknowledged when the next is due ends the connection.</summary>
    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(connection.Token).ConfigureAwait(false))
        {
            if (_heartbeat.IsAwaitingAck && !_waitingForConsumer)
            {
                Log.Zombie(logger, shardId, interval);
                _zombie = true;
                socket.Abort();
                await connection.CancelAsync().ConfigureAwait(false);
                return;
            }

            await SendHeartbeatAsync(connection.Token).ConfigureAwait(false);
        }
    }

    private async Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        await SendAsync(GatewayFrames.Heartbeat(session.LastSeq), cancellationToken).ConfigureAwait(false);
        _heartbeat.Sent();
    }

    private async Task SendAsync(JObject frame, CancellationToken cancellationToken)
    {
        var bytes = QQJson.Serialize(frame);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next frame that parses as an envelope; <c>null</c> when the server closed the socket.</summary>
    private async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _frame.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(_frame.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _frame.Advance(result.Count);
            }
            while (!result.EndOfMessage);

            try
            {
                return GatewayPayload.Parse(_frame.WrittenSpan);
            }
            catch (FormatException ex)
            {
                Log.BadFrame(logger, shardId, ex.Message);
            }
        }
    }

    private GatewayClosure Closed() => socket.CloseStatus is { } status
        ? new GatewayClosure(ClosureKind.ServerClosed, (int)status, socket.CloseStatusDescription)
        : new GatewayClosure(ClosureKind.TransportFailed, Reason: "the socket ended without a close code");

    private async Task CloseQuietlyAsync()
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(timings.CloseTimeout, time);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: READY as {Username}")]
        public static partial void Ready(ILogger logger, int shard, string? username);

        [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: RESUMED after seq {Seq}")]
        public static partial void Resumed(ILogger logger, int shard, long? seq);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard}: skipped replayed {Type} seq {Seq}, already delivered")]
        public static partial void DuplicateSkipped(ILogger logger, int shard, string? type, long seq);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: no heartbeat ACK within {Interval}; the link is dead, reconnecting")]
        public static partial void Zombie(ILogger logger, int shard, TimeSpan interval);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: ignored a gateway frame: {Problem}")]
        public static partial void BadFrame(ILogger logger, int shard, string problem);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard}: ignored unexpected op {Op}")]
        public static partial void UnexpectedOpcode(ILogger logger, int shard, int op);
    }
}
