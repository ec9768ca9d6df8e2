namespace OneBotBridge.QQ.Gateway;

/// <summary>The platform's fixed waits; tests may shorten them.</summary>
internal sealed record GatewayTimings
{
    /// <summary>After op 9, wait a random time in [min, max] before Identifying again.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>At most <c>max_concurrency</c> sessions may start within this window.</summary>
    public TimeSpan SessionStartWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a polite close at shutdown may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
