namespace OneBotBridge.Bench.Scenarios;

/// <summary>How big and how long the scenarios are: the full sizes the targets are stated for, or a smoke run of seconds.</summary>
internal sealed record BenchSettings(bool Smoke, TimeSpan RunDuration)
{
    /// <summary>The fixed offered load the event latency target is stated at.</summary>
    public const double OfferedEventsPerSecond = 2000;

    /// <summary>The actions target's rate: its round trip is measured at this paced load.</summary>
    public const double OfferedActionsPerSecond = 3000;

    /// <summary>The number of clients the event targets are stated for.</summary>
    public const int TargetClients = 10;

    /// <summary>The number of idle connections the memory target is stated for.</summary>
    public const int TargetIdleConnections = 1000;

    public static TimeSpan DefaultDuration(bool smoke) => TimeSpan.FromSeconds(smoke ? 1 : 10);

    public IReadOnlyList<int> ClientCounts => Smoke ? [1, TargetClients] : [1, TargetClients, 100];

    /// <summary>The share at the start of each run whose events are not measured: connections, caches, socket buffers.</summary>
    public const double UnmeasuredShare = 0.2;

    /// <summary>The start of each run whose events are not measured.</summary>
    public TimeSpan Warmup => RunDuration * UnmeasuredShare;

    /// <summary>Saturating load a fresh bridge (or relay) gets before its first measured run, for the JIT to settle.</summary>
    public TimeSpan ProcessWarmup => TimeSpan.FromSeconds(Smoke ? 0.5 : 5);

    /// <summary>The room to settle before a memory reading.</summary>
    public TimeSpan Settle => TimeSpan.FromSeconds(Smoke ? 0.5 : 3);

    public int Actions => Smoke ? 300 : 30_000;

    public int IdleConnections => Smoke ? 50 : TargetIdleConnections;

    public int Starts => Smoke ? 1 : 5;
}
