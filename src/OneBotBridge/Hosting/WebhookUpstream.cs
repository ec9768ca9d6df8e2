using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.QQ.Webhook;
using Polly;
using Polly.Retry;

namespace OneBotBridge.Hosting;

/// <summary>
/// Events by HTTP callbacks. There is no READY on this way in, so the bot account comes from
/// <c>GET /users/@me</c> (retried with the <c>qq.reconnect</c> backoff while the platform cannot be
/// reached); the upstream is ready once that answered and the receiver listens.
/// </summary>
internal sealed partial class WebhookUpstream(
    QQWebhookReceiver receiver, QQOpenApiClient api, QQOptions options, TimeProvider time, ILogger<WebhookUpstream> logger) : IQQUpstream
{
    private volatile bool _isReady;

    public string Transport => "webhook";

    public bool IsReady => _isReady;

    public QQBotUser? BotUser { get; private set; }

    public event Action<bool>? ReadinessChanged;

    public async Task RunAsync(ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = receiver.RunAsync(output, stopping.Token);
        var identifying = IdentifyAsync(stopping.Token);
        try
        {
            if (await Task.WhenAny(receiving, identifying).ConfigureAwait(false) == receiving)
            {
                // The receiver ended first: it could not listen, or the bridge is stopping.
                await receiving.ConfigureAwait(false);
                return;
            }

            BotUser = await identifying.ConfigureAwait(false);
            await receiver.Listening.ConfigureAwait(false);
            SetReady(true);
            await receiving.ConfigureAwait(false);
        }
        finally
        {
            SetReady(false);
            await stopping.CancelAsync().ConfigureAwait(false);
            // The failure that ended the run, if any, was thrown above; the other task only saw the cancellation.
            await Task.WhenAll(receiving, identifying).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<QQBotUser> IdentifyAsync(CancellationToken cancellationToken) =>
        await CreateRetryPipeline().ExecuteAsync(ct => new ValueTask<QQBotUser>(api.GetMeAsync(ct)), cancellationToken).ConfigureAwait(false);

    /// <summary>Network trouble, 429 and 5xx are retried for ever; credentials or rights the platform refused are not.</summary>
    private ResiliencePipeline CreateRetryPipeline() => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Reconnect.InitialDelay,
            MaxDelay = options.Reconnect.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                QQFatalException => false,
                OperationCanceledException => !args.Context.CancellationToken.IsCancellationRequested,
                QQApiException { HttpStatus: >= 400 and < 500 and not 429 } => false,
                not null => true,
                null => false,
            }),
            OnRetry = args =>
            {
                Log.Retrying(logger, args.RetryDelay, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private void SetReady(bool ready)
    {
        if (_isReady != ready)
        {
            _isReady = ready;
            ReadinessChanged?.Invoke(ready);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the bot account from /users/@me yet; trying again in {Delay}: {Reason}")]
        public static partial void Retrying(ILogger logger, TimeSpan delay, string? reason);
    }
}
