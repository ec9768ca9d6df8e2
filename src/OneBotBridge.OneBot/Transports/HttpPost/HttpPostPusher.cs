using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Events;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OneBotBridge.OneBot.Transports.HttpPost;

/// <summary>
/// Pushes every event of one <c>onebot.http_post</c> entry to its URL, in order: lifecycle
/// <c>enable</c> first, <c>disable</c> last. Each POST is signed when a secret is set, times out,
/// and is retried with backoff on transport errors and 5xx. A 2xx JSON object in the answer is a
/// quick operation, run through the dispatcher.
/// </summary>
internal sealed partial class HttpPostPusher : IEventSink, IHostedService, IAsyncDisposable
{
    private const int QueueCapacity = 10_000;

    private readonly HttpPostOptions _entry;
    private readonly Uri _url;
    private readonly MessageFormat _format;
    private readonly IActionDispatcher _dispatcher;
    private readonly IEventSource _events;
    private readonly BotState _bot;
    private readonly MetaEvents _meta;
    private readonly ILogger _logger;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Channel<ReadOnlyMemory<byte>> _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _abort = new();
    private IDisposable? _subscription;
    private Task _pushing = Task.CompletedTask;
    private long _dropped;

    public HttpPostPusher(
        HttpPostOptions entry,
        OneBotOptions options,
        IActionDispatcher dispatcher,
        IEventSource events,
        BotState bot,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        HttpPostRetry retry)
    {
        _entry = entry;
        _url = Uri.TryCreate(entry.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new FormatException($"onebot.http_post.url: '{entry.Url}' is not an http:// or https:// URL.");
        _format = entry.EffectiveMessageFormat(options);
        _dispatcher = dispatcher;
        _events = events;
        _bot = bot;
        _meta = new MetaEvents(bot, time);
        _logger = loggerFactory.CreateLogger<HttpPostPusher>();
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => (int)response.StatusCode >= 500),
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    Log.Retrying(_logger, Target, reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(entry.Timeout)
            .Build();
    }

    /// <summary>The URL without query, for logs.</summary>
    private string Target => _url.GetLeftPart(UriPartial.Path);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryWrite(_meta.Lifecycle(LifecycleEvent.Enable));
        _subscription = _events.Subscribe(this);
        _pushing = PushLoopAsync(_abort.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking events, queues <c>disable</c>, and pushes what is queued until <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _subscription, null) is not { } subscription)
        {
            return;
        }

        subscription.Dispose();
        _queue.Writer.TryWrite(_meta.Lifecycle(LifecycleEvent.Disable));
        _queue.Writer.TryComplete();
        await using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        await _pushing.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _abort.Dispose();
        _http.Dispose();
    }

    public void Offer(EncodedEvent encodedEvent)
    {
        if (_queue.Writer.TryWrite(encodedEvent.For(_format)))
        {
            return;
        }

        var dropped = Interlocked.Increment(ref _dropped);
        if (BitOperations.IsPow2(dropped))
        {
            Log.QueueFull(_logger, Target, QueueCapacity, dropped);
        }
    }

    private async Task PushLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var body in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await PushAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Abandoned(_logger, Target, _queue.Reader.Count);
        }
    }

    private async Task PushAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = CreateRequest(body);
                    return await _http.SendAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Log.Refused(_logger, Target, (int)response.StatusCode);
                return;
            }

            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            await RunQuickOperationAsync(body, answer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            Log.GaveUp(_logger, Target, ex.Message);
        }
    }

    private HttpRequestMessage CreateRequest(ReadOnlyMemory<byte> body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Self-ID", _bot.SelfId.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        if (_entry.Secret.Length > 0)
        {
            request.Headers.Add(EventSignature.HeaderName, EventSignature.Compute(_entry.Secret, body.Span));
        }

        return request;
    }

    /// <summary>A non-empty JSON object answer is <c>.handle_quick_operation</c>'s <c>operation</c>; anything else means nothing to do.</summary>
    private async Task RunQuickOperationAsync(ReadOnlyMemory<byte> eventBody, byte[] answer, CancellationToken cancellationToken)
    {
        if (answer.Length == 0)
        {
            return;
        }

        JToken operation;
        try
        {
            operation = OneBotJson.Parse(answer);
        }
        catch (JsonException ex)
        {
            Log.AnswerNotJson(_logger, Target, ex.Message);
            return;
        }

        if (operation is not JObject { Count: > 0 })
        {
            return;
        }

        var request = new ActionRequest(
            ".handle_quick_operation",
            new JObject { ["context"] = OneBotJson.Parse(eventBody.Span), ["operation"] = operation });
        var result = await _dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.IsOk)
        {
            Log.QuickOperationFailed(_logger, Target, result.Retcode, result.Message ?? "");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP POST {Target}: {Reason}; retrying in {Delay}")]
        public static partial void Retrying(ILogger logger, string target, string reason, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP POST {Target}: event not delivered after retries: {Reason}")]
        public static partial void GaveUp(ILogger logger, string target, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP POST {Target}: answered {Status}; event not accepted")]
        public static partial void Refused(ILogger logger, string target, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP POST {Target}: queue of {Capacity} full, {Dropped} events dropped so far")]
        public static partial void QueueFull(ILogger logger, string target, int capacity, long dropped);

        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP POST {Target}: stopped with {Count} events undelivered")]
        public static partial void Abandoned(ILogger logger, string target, int count);

        [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP POST {Target}: the answer is not JSON, no quick operation: {Reason}")]
        public static partial void AnswerNotJson(ILogger logger, string target, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP POST {Target}: quick operation failed with retcode {Retcode}: {Message}")]
        public static partial void QuickOperationFailed(ILogger logger, string target, int retcode, string message);
    }
}
