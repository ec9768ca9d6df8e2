using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace OneBotBridge.QQ.OpenApi;

/// <summary>
/// The retry every HTTP call to the platform goes through: transport errors, timeouts, 429 (after its
/// Retry-After when given) and 5xx are retried with exponential backoff and jitter; any other answer,
/// including 4xx business errors, is returned as it is.
/// </summary>
internal static partial class TransientHttpRetry
{
    public static ResiliencePipeline<RawResponse> Create(HttpRetryOptions options, TimeProvider time, ILogger logger)
    {
        var retry = new RetryStrategyOptions<RawResponse>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.InitialDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                { Result: { } response } => response.IsTransient,
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            OnRetry = args =>
            {
                if (args.Outcome.Result is { } response)
                {
                    Log.RetryingStatus(logger, response.Status, args.AttemptNumber + 1, args.RetryDelay);
                }
                else
                {
                    Log.RetryingError(logger, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                }

                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<RawResponse> { TimeProvider = time }.AddRetry(retry).Build();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "QQ answered HTTP {Status}; retry {Attempt} in {Delay}")]
        public static partial void RetryingStatus(ILogger logger, int status, int attempt, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Calling QQ failed ({Error}); retry {Attempt} in {Delay}")]
        public static partial void RetryingError(ILogger logger, string? error, int attempt, TimeSpan delay);
    }
}
