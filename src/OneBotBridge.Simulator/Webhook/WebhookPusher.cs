using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OneBotBridge.Simulator.Webhook;

/// <summary>
/// The platform's webhook mode: dispatches are POSTed, signed, to the bot's callback URL one after
/// another in the order pushed, each retried with exponential backoff until acknowledged or out of
/// retries. A URL is validated (op 13) before the first dispatch goes to it. Also sends the requests
/// a bot must refuse: forged, stale, unsigned, and replays of what was sent.
/// </summary>
public sealed partial class WebhookPusher : IAsyncDisposable
{
    public const string UserAgent = "QQBot-Callback";
    public const int OutboxCapacity = 10_000;

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int RememberedCallbacks = 1024;

    private readonly QQSimulatorOptions _options;
    private readonly ILogger _logger;
    private readonly CallbackKey _key;
    private readonly CallbackKey _forgeryKey;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _delivery;
    private readonly Channel<QueuedCallback> _outbox = Channel.CreateBounded<QueuedCallback>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly RecentCallbacks _sent = new(RememberedCallbacks);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _delivering;
    private volatile Uri? _url;
    private volatile Uri? _validatedUrl;
    private int _backlog;

    internal WebhookPusher(QQSimulatorOptions options, ILogger<WebhookPusher> logger)
    {
        _options = options;
        _logger = logger;
        _key = new CallbackKey(options.ClientSecret);
        _forgeryKey = new CallbackKey("forged:" + options.ClientSecret);
        _http = new HttpClient(new SocketsHttpHandler
        {
            // A loopback test platform: the bot may serve a self-signed certificate.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _delivery = CreateDeliveryPipeline();
        _url = options.WebhookUrl;
        _delivering = DeliverAllAsync(_stop.Token);
    }

    /// <summary>The bot's callback URL; while set, pushed dispatches go here instead of the gateway.</summary>
    public Uri? Url
    {
        get => _url;
        set
        {
            if (value is not null && (!value.IsAbsoluteUri || value.Scheme is not ("http" or "https")))
            {
                throw new ArgumentException("The webhook URL must be an absolute http(s) URL.", nameof(value));
            }

            _url = value;
        }
    }

    public bool IsEnabled => _url is not null;

    public WebhookDeliveryCounters Counters { get; } = new();

    /// <summary>Dispatches pushed and not yet delivered or given up on.</summary>
    public int Backlog => Volatile.Read(ref _backlog);

    /// <summary>
    /// Sends the callback validation (op 13) the way the platform does (unsigned, no signature headers)
    /// and checks the answer's signature; a URL that passed is not validated again before deliveries.
    /// </summary>
    public async Task<WebhookValidationResult> SendValidationAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ValidateAsync(RequireUrl(), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookValidationResult(false, 0, $"no answer: {ex.Message}");
        }
    }

    /// <summary>A dispatch signed with a key that is not the bot's: a bot must refuse it.</summary>
    public Task<WebhookAnswer> SendForgedAsync(string type, JToken data, string? eventId = null, CancellationToken cancellationToken = default) =>
        PostAsync(RequireUrl(), Sign(EnvelopeBytes(type, eventId, data), _forgeryKey, Now()), cancellationToken);

    /// <summary>A correctly signed dispatch whose timestamp is <paramref name="age"/> old: a bot must refuse it as a replay.</summary>
    public Task<WebhookAnswer> SendStaleAsync(string type, JToken data, TimeSpan age, string? eventId = null, CancellationToken cancellationToken = default) =>
        PostAsync(RequireUrl(), Sign(EnvelopeBytes(type, eventId, data), _key, Now() - age), cancellationToken);

    /// <summary>A dispatch without the signature headers: a bot must refuse it.</summary>
    public Task<WebhookAnswer> SendUnsignedAsync(string type, JToken data, string? eventId = null, CancellationToken cancellationToken = default) =>
        PostAsync(RequireUrl(), new SignedCallback(EnvelopeBytes(type, eventId, data), null, null), cancellationToken);

    /// <summary>
    /// Sends the last request delivered for <paramref name="eventId"/> again, byte for byte (same
    /// timestamp, same signature): a bot must not dispatch it twice.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Nothing was sent for that event id recently.</exception>
    public Task<WebhookAnswer> ReplayAsync(string eventId, CancellationToken cancellationToken = default) =>
        PostAsync(RequireUrl(), _sent.Find(eventId) ?? throw new KeyNotFoundException($"No callback was sent for event {eventId}."), cancellationToken);

    /// <summary>Queues a dispatch for delivery; returns the envelope as it will be sent (webhook payloads carry no <c>s</c>).</summary>
    internal async Task<JObject> EnqueueAsync(string type, string eventId, JToken data, CancellationToken cancellationToken)
    {
        var envelope = Envelope(type, eventId, data);
        Interlocked.Increment(ref _backlog);
        try
        {
            await _outbox.Writer.WriteAsync(new QueuedCallback(type, eventId, Encoding.UTF8.GetBytes(SimulatorJson.Serialize(envelope))), cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _backlog);
            throw;
        }

        return envelope;
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _stop.CancelAsync();
        await _delivering;
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task DeliverAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var callback in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await DeliverAsync(callback, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _backlog);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: what is still queued is dropped with the platform.
        }
    }

    private async Task DeliverAsync(QueuedCallback callback, CancellationToken cancellationToken)
    {
        if (_url is not { } url)
        {
            Counters.DeliveryAbandoned();
            Log.NoUrl(_logger, callback.Type, callback.EventId);
            return;
        }

        try
        {
            await _delivery.ExecuteAsync(
                async ct =>
                {
                    await EnsureValidatedAsync(url, ct);
                    var signed = Sign(callback.Body, _key, Now());
                    Counters.Attempted();
                    _sent.Remember(callback.EventId, signed);
                    var answer = await PostAsync(url, signed, ct);
                    if (!IsAcknowledged(answer))
                    {
                        throw new WebhookDeliveryFailedException($"answered {answer.Status} {answer.Body}");
                    }
                },
                cancellationToken);
            Counters.DeliverySucceeded();
        }
        catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
        {
            Counters.DeliveryAbandoned();
            Log.GaveUp(_logger, callback.Type, callback.EventId, _options.WebhookRetries, ex.Message);
        }
    }

    private async Task EnsureValidatedAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url == _validatedUrl)
        {
            return;
        }

        var result = await ValidateAsync(url, cancellationToken);
        if (!result.Passed)
        {
            throw new WebhookDeliveryFailedException($"the callback validation failed: {result.Problem}");
        }
    }

    private async Task<WebhookValidationResult> ValidateAsync(Uri url, CancellationToken cancellationToken)
    {
        var plainToken = RandomNumberGenerator.GetString(Alphanumeric, 20);
        var eventTs = Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = new JObject
        {
            ["d"] = new JObject { ["plain_token"] = plainToken, ["event_ts"] = eventTs },
            ["op"] = 13,
        };

        Counters.ValidationSent();
        var answer = await PostAsync(url, new SignedCallback(Encoding.UTF8.GetBytes(SimulatorJson.Serialize(body)), null, null), cancellationToken);
        var problem = ValidationProblem(answer, eventTs, plainToken);
        if (problem is null)
        {
            _validatedUrl = url;
        }
        else
        {
            Counters.ValidationFailed();
            Log.ValidationFailed(_logger, url, problem);
        }

        return new WebhookValidationResult(problem is null, answer.Status, problem);
    }

    private string? ValidationProblem(WebhookAnswer answer, string eventTs, string plainToken)
    {
        if (answer.Status != 200)
        {
            return $"answered HTTP {answer.Status}";
        }

        if (SimulatorJson.TryParse(answer.Body) is not JObject json)
        {
            return "the answer is not a JSON object";
        }

        if (SimulatorJson.StringOf(json["plain_token"]) != plainToken)
        {
            return "the answer does not echo plain_token";
        }

        if (SimulatorJson.StringOf(json["signature"]) is not { Length: 128 } signature)
        {
            return "the answer has no 64-byte hex signature";
        }

        return _key.Verify(eventTs + plainToken, signature) ? null : "the signature does not verify with the bot's public key";
    }

    private async Task<WebhookAnswer> PostAsync(Uri url, SignedCallback callback, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(callback.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("X-Bot-Appid", _options.AppId);
        if (callback.Signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", callback.Signature);
        }

        if (callback.Timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", callback.Timestamp);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return new WebhookAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>2xx, and not <c>{"op":12,"d":1}</c> (the bot saying it failed).</summary>
    private static bool IsAcknowledged(WebhookAnswer answer) =>
        answer.Status is >= 200 and < 300
        && !(SimulatorJson.TryParse(answer.Body) is JObject json && (int?)json["op"] == 12 && json["d"] is JValue { Type: JTokenType.Integer } d && (int)d == 1);

    private static bool IsDeliveryFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        WebhookDeliveryFailedException or HttpRequestException or TimeoutRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private ResiliencePipeline CreateDeliveryPipeline() => new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = _options.WebhookRetries,
            BackoffType = DelayBackoffType.Exponential,
            Delay = _options.WebhookRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && IsDeliveryFailure(exception, args.Context.CancellationToken)),
            OnRetry = args =>
            {
                Counters.Retried();
                Log.Retrying(_logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .AddTimeout(_options.WebhookTimeout)
        .Build();

    private static SignedCallback Sign(byte[] body, CallbackKey key, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new SignedCallback(body, timestamp, key.Sign(timestamp, body));
    }

    private static JObject Envelope(string type, string eventId, JToken data) => new()
    {
        ["op"] = 0,
        ["id"] = eventId,
        ["t"] = type,
        ["d"] = data,
    };

    private static byte[] EnvelopeBytes(string type, string? eventId, JToken data) =>
        Encoding.UTF8.GetBytes(SimulatorJson.Serialize(Envelope(type, eventId ?? Ids.EventId(type), data.DeepClone())));

    private DateTimeOffset Now() => _options.TimeProvider.GetUtcNow();

    private Uri RequireUrl() => _url ?? throw new InvalidOperationException("No webhook URL is set: the simulator is in gateway mode.");

    private sealed record QueuedCallback(string Type, string EventId, byte[] Body);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: a delivery failed; attempt {Attempt} in {Delay}: {Reason}")]
        public static partial void Retrying(ILogger logger, int attempt, TimeSpan delay, string? reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: gave up on {Type} {EventId} after {Retries} retries: {Reason}")]
        public static partial void GaveUp(ILogger logger, string type, string eventId, int retries, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: the callback validation of {Url} failed: {Problem}")]
        public static partial void ValidationFailed(ILogger logger, Uri url, string problem);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: dropped {Type} {EventId}: the webhook URL was unset before it was delivered")]
        public static partial void NoUrl(ILogger logger, string type, string eventId);
    }
}
