using System.Globalization;
using System.Net.WebSockets;
using System.Numerics;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Transports.WebSockets;
using Polly;
using Polly.Retry;

namespace OneBotBridge.OneBot.Transports.ReverseWs;

/// <summary>
/// One reverse WebSocket the bridge dials (a Universal socket, or the API or Event half of a split
/// pair), redialled forever at the reconnect interval with jitter. Its event queue outlives the
/// sockets: events published while it is down wait there, bounded, and go out in order once it is
/// back, right after the lifecycle connect.
/// </summary>
internal sealed partial class ReverseWsTarget : IEventSink, IAsyncDisposable
{
    private readonly Uri _url;
    private readonly ConnectionRole _role;
    private readonly string _accessToken;
    private readonly MessageFormat _format;
    private readonly BotState _bot;
    private readonly ConnectionSettings _settings;
    private readonly ResiliencePipeline _redial;
    private readonly Outbox _queue;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private WebSocketConnection? _current;
    private long _droppedWhileDown;
    private Task _run = Task.CompletedTask;

    public ReverseWsTarget(
        Uri url,
        ConnectionRole role,
        string accessToken,
        MessageFormat format,
        int queueCapacity,
        TimeSpan reconnectInterval,
        BotState bot,
        ConnectionSettings settings)
    {
        _url = url;
        _role = role;
        _accessToken = accessToken;
        _format = format;
        _bot = bot;
        _settings = settings;
        _logger = settings.Logger;
        _queue = new Outbox(queueCapacity);
        Name = $"reverse-ws {ClientRole} {url.GetLeftPart(UriPartial.Path)}";
        _redial = new ResiliencePipelineBuilder { TimeProvider = settings.Time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Constant,
                Delay = reconnectInterval,
                UseJitter = true,
                OnRetry = args =>
                {
                    Log.Redialling(_logger, Name, args.Outcome.Exception!.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public string Name { get; }

    public ConnectionRole Role => _role;

    /// <summary>The <c>X-Client-Role</c> value, in exactly the casing frameworks compare.</summary>
    private string ClientRole => _role switch
    {
        ConnectionRole.Universal => "Universal",
        ConnectionRole.Api => "API",
        _ => "Event",
    };

    public void Start() => _run = RunAsync(_stopping.Token);

    /// <summary>Flushes queued events to a connected target (bounded), closes with 1001 and stops redialling.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    public void Offer(EncodedEvent encodedEvent)
    {
        if (_queue.TryEnqueueEvent(encodedEvent.For(_format)))
        {
            return;
        }

        if (Volatile.Read(ref _current) is { } connection)
        {
            connection.HandleOverflow();
            return;
        }

        var dropped = Interlocked.Increment(ref _droppedWhileDown);
        if (BitOperations.IsPow2(dropped))
        {
            Log.QueueFull(_logger, Name, dropped);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await _redial.ExecuteAsync(ConnectOnceAsync, stopping).ConfigureAwait(false);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopping while a connection was failing: the pipeline hands back that last failure.
        }
    }

    /// <summary>One connection from dial to close; returns only when stopping, else throws so the pipeline redials.</summary>
    private async ValueTask ConnectOnceAsync(CancellationToken stopping)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _settings.Timings.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = _settings.Timings.KeepAliveTimeout;
        socket.Options.SetRequestHeader("X-Self-ID", _bot.SelfId.ToString(CultureInfo.InvariantCulture));
        socket.Options.SetRequestHeader("X-Client-Role", ClientRole);
        socket.Options.SetRequestHeader("User-Agent", UserAgent.Value);
        if (_accessToken.Length > 0)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {_accessToken}");
        }

        using (var timeout = new CancellationTokenSource(_settings.Timings.ConnectTimeout, _settings.Time))
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token))
        {
            try
            {
                await socket.ConnectAsync(_url, connecting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                throw new WebSocketException($"no answer within {_settings.Timings.ConnectTimeout}");
            }
        }

        _queue.DiscardControl();
        var connection = new WebSocketConnection(socket, Name, _role, _queue, _settings);
        Log.Connected(_logger, Name, _queue.EventCount, Interlocked.Exchange(ref _droppedWhileDown, 0));
        Volatile.Write(ref _current, connection);
        try
        {
            await connection.RunAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _current, null);
        }

        stopping.ThrowIfCancellationRequested();
        throw new WebSocketException(
            $"connection closed ({socket.CloseStatus?.ToString() ?? "no close frame"} {socket.CloseStatusDescription})");
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Target}: connected; {Queued} queued events to deliver, {Dropped} dropped while down")]
        public static partial void Connected(ILogger logger, string target, int queued, long dropped);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Target}: {Reason}; redialling in {Delay}")]
        public static partial void Redialling(ILogger logger, string target, string reason, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Target}: disconnected and its queue is full; {Dropped} events dropped so far")]
        public static partial void QueueFull(ILogger logger, string target, long dropped);
    }
}
