namespace OneBotBridge.Simulator.Gateway;

/// <summary>The close codes the simulated gateway uses (reference §3).</summary>
internal static class GatewayCloseCode
{
    public const int InvalidOpcode = 4001;
    public const int InvalidPayload = 4002;
    public const int AuthenticationFailed = 4004;

    /// <summary>"Sending too fast": also used when the session start limit is spent.</summary>
    public const int RateLimited = 4008;

    public const int InvalidShard = 4010;
    public const int InvalidIntents = 4013;
    public const int IntentNotAuthorised = 4014;
}
