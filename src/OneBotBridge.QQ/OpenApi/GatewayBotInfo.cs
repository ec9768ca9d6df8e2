namespace OneBotBridge.QQ.OpenApi;

/// <summary>The answer of <c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>How many sessions may still start before <see cref="ResetAfter"/>, and how many per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
