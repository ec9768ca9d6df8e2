namespace OneBotBridge.OneBot.Transports.HttpPost;

/// <summary>How an event POST is retried after a transport error, a timeout or a 5xx; tests shorten it.</summary>
/// <param name="FirstDelay">Doubled on each retry, with jitter.</param>
internal sealed record HttpPostRetry(int MaxRetryAttempts, TimeSpan FirstDelay)
{
    public static HttpPostRetry Default { get; } = new(MaxRetryAttempts: 3, FirstDelay: TimeSpan.FromMilliseconds(500));
}
