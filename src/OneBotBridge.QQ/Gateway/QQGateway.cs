using System.Net.WebSockets;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.OpenApi;
using Polly;
using Polly.Retry;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// The gateway (WebSocket) way in: runs every configured shard, keeps each connected, and writes
/// every dispatch exactly once, in order per shard, to the output channel.
/// </summary>
public sealed partial class QQGateway
{
    private readonly QQOptions _options;
    private readonly QQOpenApiClient _api;
    private readonly QQTokenSource _tokens;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Func<ClientWebSocket> _socketFactory;
    private readonly GatewayTimings _timings;
    private readonly Lock _readiness = new();
    private readonly HashSet<int> _readyShards = [];
    private int _shardCount = int.MaxValue;
    private bool _isReady;

    public QQGateway(
        QQOptions options, QQOpenApiClient api, QQTokenSource tokens, TimeProvider time, ILoggerFactory loggers,
        Func<ClientWebSocket>? socketFactory = null)
        : this(options, api, tokens, time, loggers, socketFactory, new GatewayTimings())
    {
    }

    internal QQGateway(
        QQOptions options, QQOpenApiClient api, QQTokenSource tokens, TimeProvider time, ILoggerFactory loggers,
        Func<ClientWebSocket>? socketFactory, GatewayTimings timings)
    {
        _options = options;
        _api = api;
        _tokens = tokens;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<QQGateway>();
        _socketFactory = socketFactory ?? (() => new ClientWebSocket());
        _timings = timings;
    }

    public GatewayCounters Counters { get; } = new();

    /// <summary>The bot account from the first READY; <c>null</c> until then.</summary>
    public QQBotUser? BotUser { get; private set; }

    /// <summary>Whether every shard has a live session.</summary>
    public bool IsReady
    {
        get
        {
            lock (_readiness)
            {
                return _isReady;
            }
        }
    }

    /// <summary>Raised with the new <see cref="IsReady"/> whenever it changes. Handlers must be quick and must not throw.</summary>
    public event Action<bool>? ReadinessChanged;

    /// <summary>
    /// Runs every shard until <paramref name="cancellationToken"/> is cancelled. Throws
    /// <see cref="QQFatalException"/> (saying what to fix) when a shard hits a condition no retry
    /// can fix; the other shards are stopped first.
    /// </summary>
    public async Task RunAsync(ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken)
    {
        var intents = Intents.Resolve(_options.Intents);
        var connectPipeline = CreateConnectPipeline();
        var info = await connectPipeline.ExecuteAsync(ct => new ValueTask<GatewayBotInfo>(_api.GetGatewayBotAsync(ct)), cancellationToken)
            .ConfigureAwait(false);
        var (shardIds, shardCount) = _options.Shards is { } only ? ([only.Id], only.Count) : (Enumerable.Range(0, Math.Max(1, info.Shards)).ToArray(), Math.Max(1, info.Shards));
        Log.Starting(_logger, info.Url, string.Join(",", shardIds), shardCount, info.SessionStartLimit.Remaining, info.SessionStartLimit.MaxConcurrency);

        lock (_readiness)
        {
            _shardCount = shardIds.Length;
            _readyShards.Clear();
        }

        var context = new ShardContext(
            new Uri(info.Url),
            intents,
            [.. _options.Intents],
            _tokens,
            new SessionStartLimiter(
                info.SessionStartLimit,
                async ct => (await _api.GetGatewayBotAsync(ct).ConfigureAwait(false)).SessionStartLimit,
                _timings.SessionStartWindow,
                _time,
                _loggers.CreateLogger<SessionStartLimiter>()),
            connectPipeline,
            _socketFactory,
            Counters,
            _time,
            _timings,
            _loggers.CreateLogger<ShardRunner>(),
            user => BotUser ??= user);

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shards = shardIds.Select(id => RunShardAsync(new ShardRunner(id, shardCount, context, OnShardReadiness), output, stopping)).ToArray();
        try
        {
            await Task.WhenAll(shards).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            if (shards.Select(shard => shard.Exception?.InnerException).OfType<QQFatalException>().FirstOrDefault() is { } fatal)
            {
                ExceptionDispatchInfo.Throw(fatal);
            }

            throw;
        }
    }

    private static async Task RunShardAsync(ShardRunner shard, ChannelWriter<GatewayDispatch> output, CancellationTokenSource stopping)
    {
        try
        {
            await shard.RunAsync(output, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connect-until-READY (and <c>/gateway/bot</c>): retried with exponential backoff and jitter until a fatal condition.</summary>
    private ResiliencePipeline CreateConnectPipeline() => new ResiliencePipelineBuilder { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.Reconnect.InitialDelay,
            MaxDelay = _options.Reconnect.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                QQFatalException => false,
                OperationCanceledException => !args.Context.CancellationToken.IsCancellationRequested,
                QQApiException { HttpStatus: >= 400 and < 500 and not 429 } => false,
                ChannelClosedException => false,
                not null => true,
                null => false,
            }),
            OnRetry = args =>
            {
                Log.Retrying(_logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private void OnShardReadiness(int shardId, bool ready)
    {
        bool changedTo;
        lock (_readiness)
        {
            if (ready)
            {
                _readyShards.Add(shardId);
            }
            else
            {
                _readyShards.Remove(shardId);
            }

            var now = _readyShards.Count == _shardCount;
            if (now == _isReady)
            {
                return;
            }

            _isReady = changedTo = now;
        }

        ReadinessChanged?.Invoke(changedTo);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {Url}: running shards [{Shards}] of {Count}; {Remaining} session starts left, {MaxConcurrency} per 5 s")]
        public static partial void Starting(ILogger logger, string url, string shards, int count, int remaining, int maxConcurrency);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway attempt {Attempt} in {Delay}: {Reason}")]
        public static partial void Retrying(ILogger logger, int attempt, TimeSpan delay, string? reason);
    }
}
