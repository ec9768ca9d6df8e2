using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.QQ.Webhook;

/// <summary>
/// The webhook (HTTP callback) way in: a Kestrel endpoint that checks each request's Ed25519
/// signature over the raw body before reading it, answers the callback validation (op 13), and
/// writes each event once to the same kind of bounded channel the gateway feeds.
/// </summary>
/// <remarks>
/// When the channel stays full for <see cref="WebhookOptions.QueueWait"/>, the event is answered with
/// HTTP 503 and <c>{"op":12,"d":1}</c> ("failed") and is not remembered: the platform redelivers
/// callbacks that did not succeed, and either signal is a failure to it, so the event comes again
/// instead of being dropped. A redelivery of an event already handed on (same envelope <c>id</c>) is
/// acknowledged and not handed on twice.
/// </remarks>
public sealed partial class QQWebhookReceiver
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private static readonly byte[] Acknowledged = """{"op":12,"d":0}"""u8.ToArray();
    private static readonly byte[] Failed = """{"op":12,"d":1}"""u8.ToArray();

    private readonly WebhookOptions _options;
    private readonly PathString _path;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly WebhookVerifier _verifier;
    private readonly WebhookSigner _signer;
    private readonly RecentEventIds _recent;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public QQWebhookReceiver(QQOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new QQFatalException("qq.client_secret is empty: the webhook signing key is derived from it.");
        }

        Validate(options.Webhook);

        _options = options.Webhook;
        _path = new PathString(_options.Path);
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<QQWebhookReceiver>();
        var key = WebhookKey.FromClientSecret(options.ClientSecret);
        _verifier = new WebhookVerifier(key, _options.TimestampTolerance, time);
        _signer = new WebhookSigner(key);
        _recent = new RecentEventIds(_options.RememberedEventIds);
    }

    public WebhookCounters Counters { get; } = new();

    /// <summary>
    /// Completes with the callback URL at the bound address (e.g. <c>http://127.0.0.1:41234/qq/callback</c>)
    /// once the receiver listens; faults when it cannot.
    /// </summary>
    public Task<Uri> Listening => _listening.Task;

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> is cancelled, writing accepted events to
    /// <paramref name="output"/> (<see cref="GatewayDispatch.Seq"/> null, <see cref="GatewayDispatch.EventId"/>
    /// the envelope id). Throws <see cref="QQFatalException"/> naming the setting when it cannot listen.
    /// </summary>
    public async Task RunAsync(ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A webhook receiver runs once.");
        }

        try
        {
            var listen = WebhookListenAddress.Parse(_options.Listen);
            using var certificate = WebhookCertificate.Load(_options.Tls);
            await using var app = BuildHost(listen, certificate, output, cancellationToken);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new QQFatalException($"qq.webhook.listen: cannot listen on {listen}: {ex.Message}", innerException: ex);
            }

            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                var callback = new Uri(new Uri(address), _path.Value);
                Log.Listening(_logger, callback, certificate is null ? "plain HTTP (put TLS in front of it)" : "HTTPS");
                _listening.TrySetResult(callback);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Requests still waiting for room in the channel see cancellationToken and answer "send again".
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _listening.TrySetCanceled(cancellationToken);
            throw;
        }
        catch (Exception ex)
        {
            _listening.TrySetException(ex);
            throw;
        }
    }

    private static void Validate(WebhookOptions options)
    {
        if (!options.Path.StartsWith('/'))
        {
            throw new QQFatalException($"qq.webhook.path: '{options.Path}' must start with '/'.");
        }

        if (options.TimestampTolerance <= TimeSpan.Zero)
        {
            throw new QQFatalException("qq.webhook.timestamp_tolerance must be positive.");
        }

        if (options.MaxBodyBytes <= 0)
        {
            throw new QQFatalException("qq.webhook.max_body_bytes must be positive.");
        }

        if (options.QueueWait < TimeSpan.Zero)
        {
            throw new QQFatalException("qq.webhook.queue_wait must not be negative.");
        }

        if (options.RememberedEventIds < 0)
        {
            throw new QQFatalException("qq.webhook.remembered_event_ids must not be negative.");
        }
    }

    private WebApplication BuildHost(
        WebhookListenAddress listen, X509Certificate2? certificate, ChannelWriter<GatewayDispatch> output, CancellationToken stopping)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            listen.ApplyTo(kestrel, endpoint =>
            {
                if (certificate is not null)
                {
                    endpoint.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(_loggers));
        var app = builder.Build();
        app.Run(context => HandleAsync(context, output, stopping));
        return app;
    }

    private async Task HandleAsync(HttpContext context, ChannelWriter<GatewayDispatch> output, CancellationToken stopping)
    {
        var request = context.Request;
        if (!request.Path.Equals(_path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            return;
        }

        Counters.RequestReceived();
        try
        {
            await HandleCallbackAsync(context, output, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is IOException or OperationCanceledException) && context.RequestAborted.IsCancellationRequested)
        {
            Log.Aborted(_logger, RemoteOf(context));
        }
        catch (BadHttpRequestException ex)
        {
            Log.BadRequest(_logger, RemoteOf(context), ex.Message);
            context.Response.StatusCode = ex.StatusCode;
        }
    }

    private async Task HandleCallbackAsync(HttpContext context, ChannelWriter<GatewayDispatch> output, CancellationToken stopping)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is not { } raw)
        {
            await RejectAsync(context, WebhookRejection.BodyTooLarge).ConfigureAwait(false);
            return;
        }

        var signature = context.Request.Headers[SignatureHeader].ToString();
        var timestamp = context.Request.Headers[TimestampHeader].ToString();
        var signed = signature.Length > 0 || timestamp.Length > 0;
        if (signed && _verifier.Verify(signature, timestamp, raw.Span) is { } rejection)
        {
            await RejectAsync(context, rejection).ConfigureAwait(false);
            return;
        }

        // Past this point the body is authentic, except for an unsigned request, which is parsed
        // only to see whether it is the callback validation (the platform sends that one unsigned).
        GatewayPayload payload;
        try
        {
            payload = GatewayPayload.Parse(raw.Span);
        }
        catch (FormatException ex)
        {
            await (signed ? RejectAsync(context, WebhookRejection.MalformedPayload, ex.Message) : RejectAsync(context, WebhookRejection.MissingSignature))
                .ConfigureAwait(false);
            return;
        }

        if (payload.Op == GatewayOpcode.CallbackValidation)
        {
            await AnswerValidationAsync(context, payload).ConfigureAwait(false);
        }
        else if (!signed)
        {
            await RejectAsync(context, WebhookRejection.MissingSignature).ConfigureAwait(false);
        }
        else if (payload.Op == GatewayOpcode.Dispatch)
        {
            await AcceptDispatchAsync(context, payload, output, stopping).ConfigureAwait(false);
        }
        else
        {
            Log.UnexpectedOpcode(_logger, (int)payload.Op);
            await WriteAsync(context, StatusCodes.Status200OK, Acknowledged).ConfigureAwait(false);
        }
    }

    /// <summary>The whole body, or <c>null</c> as soon as it is known to exceed the limit.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = _options.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            return null;
        }

        var body = new ArrayBufferWriter<byte>((int)Math.Clamp(request.ContentLength ?? 4096, 1, Math.Min(max + 1, 1 << 20)));
        while (true)
        {
            var read = await request.Body.ReadAsync(body.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return body.WrittenMemory;
            }

            body.Advance(read);
            if (body.WrittenCount > max)
            {
                return null;
            }
        }
    }

    private async Task AnswerValidationAsync(HttpContext context, GatewayPayload payload)
    {
        if (_signer.AnswerValidation(payload.Data, out var problem) is not { } answer)
        {
            await RejectAsync(context, WebhookRejection.MalformedPayload, problem).ConfigureAwait(false);
            return;
        }

        Counters.ValidationAnswered();
        Log.Validated(_logger, RemoteOf(context));
        await WriteAsync(context, StatusCodes.Status200OK, QQJson.Serialize(answer)).ConfigureAwait(false);
    }

    private async Task AcceptDispatchAsync(HttpContext context, GatewayPayload payload, ChannelWriter<GatewayDispatch> output, CancellationToken stopping)
    {
        var dispatch = new GatewayDispatch(payload.Type ?? "", seq: null, payload.Id, payload.Utf8Data);
        if (payload.Id is not { } eventId)
        {
            // Nothing to recognise a redelivery by: hand it on each time it comes.
            await HandOnAsync(context, dispatch, output, stopping).ConfigureAwait(false);
            return;
        }

        switch (_recent.Claim(eventId))
        {
            case EventIdClaim.AlreadyDelivered:
                Counters.DuplicateSkipped();
                Log.DuplicateSkipped(_logger, dispatch.Type, eventId);
                await WriteAsync(context, StatusCodes.Status200OK, Acknowledged).ConfigureAwait(false);
                return;
            case EventIdClaim.InFlight:
                // The first delivery may still fail: only its outcome may be acknowledged.
                Counters.EventDeferred();
                Log.StillInFlight(_logger, dispatch.Type, eventId);
                await AskToRedeliverAsync(context).ConfigureAwait(false);
                return;
        }

        var handedOn = false;
        try
        {
            handedOn = await HandOnAsync(context, dispatch, output, stopping).ConfigureAwait(false);
        }
        finally
        {
            if (handedOn)
            {
                _recent.Delivered(eventId);
            }
            else
            {
                _recent.Release(eventId);
            }
        }
    }

    /// <summary>Writes <paramref name="dispatch"/> to the channel and answers; <c>false</c> when it was not written.</summary>
    private async Task<bool> HandOnAsync(HttpContext context, GatewayDispatch dispatch, ChannelWriter<GatewayDispatch> output, CancellationToken stopping)
    {
        if (!await TryWriteAsync(dispatch, output, context.RequestAborted, stopping).ConfigureAwait(false))
        {
            Counters.EventDeferred();
            Log.Deferred(_logger, dispatch.Type, dispatch.EventId, _options.QueueWait);
            await AskToRedeliverAsync(context).ConfigureAwait(false);
            return false;
        }

        Counters.EventAccepted();
        Log.Accepted(_logger, dispatch.Type, dispatch.EventId);
        await WriteAsync(context, StatusCodes.Status200OK, Acknowledged).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> TryWriteAsync(GatewayDispatch dispatch, ChannelWriter<GatewayDispatch> output, CancellationToken aborted, CancellationToken stopping)
    {
        if (output.TryWrite(dispatch))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(_options.QueueWait, _time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted, stopping);
        try
        {
            await output.WriteAsync(dispatch, waiting.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return false;
        }
    }

    private Task AskToRedeliverAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Failed);
    }

    private Task RejectAsync(HttpContext context, WebhookRejection rejection, string? detail = null)
    {
        Counters.RequestRejected(rejection);
        var reason = detail is null ? rejection.Describe() : $"{rejection.Describe()}: {detail}";
        Log.Rejected(_logger, RemoteOf(context), rejection.Status(), reason);
        return WriteAsync(context, rejection.Status(), QQJson.Serialize(new JObject { ["message"] = reason }));
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    private static string RemoteOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "?";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "QQ webhook listening at {Url} over {Transport}")]
        public static partial void Listening(ILogger logger, Uri url, string transport);

        [LoggerMessage(Level = LogLevel.Information, Message = "QQ webhook answered the callback validation (op 13) from {Remote}")]
        public static partial void Validated(ILogger logger, string remote);

        [LoggerMessage(Level = LogLevel.Warning, Message = "QQ webhook refused a request from {Remote} with {Status}: {Reason}")]
        public static partial void Rejected(ILogger logger, string remote, int status, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "QQ webhook: the event pipeline stayed full for {Wait}; asked the platform to redeliver {Type} {EventId}")]
        public static partial void Deferred(ILogger logger, string type, string? eventId, TimeSpan wait);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ webhook: {Type} {EventId} came again while its first delivery is still being handed on; asked for a redelivery")]
        public static partial void StillInFlight(ILogger logger, string type, string eventId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ webhook: skipped redelivered {Type} {EventId}, already handed on")]
        public static partial void DuplicateSkipped(ILogger logger, string type, string eventId);

        [LoggerMessage(Level = LogLevel.Trace, Message = "QQ webhook: accepted {Type} {EventId}")]
        public static partial void Accepted(ILogger logger, string type, string? eventId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ webhook: acknowledged a payload with unexpected op {Op}")]
        public static partial void UnexpectedOpcode(ILogger logger, int op);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ webhook: a request from {Remote} was aborted by the client")]
        public static partial void Aborted(ILogger logger, string remote);

        [LoggerMessage(Level = LogLevel.Warning, Message = "QQ webhook: a malformed HTTP request from {Remote}: {Problem}")]
        public static partial void BadRequest(ILogger logger, string remote, string problem);
    }
}
