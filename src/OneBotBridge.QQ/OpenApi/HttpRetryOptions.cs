namespace OneBotBridge.QQ.OpenApi;

/// <summary>How calls to the platform over HTTP retry transport errors, 429 and 5xx.</summary>
public sealed class HttpRetryOptions
{
    public int MaxRetries { get; init; } = 3;
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}
