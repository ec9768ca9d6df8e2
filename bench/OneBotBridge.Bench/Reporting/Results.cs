using OneBotBridge.Bench.Measurement;
using OneBotBridge.Bench.Scenarios;

namespace OneBotBridge.Bench.Reporting;

/// <summary>One events or relay run. Rates are per second of the measured part; CPU is the process's over it.</summary>
/// <param name="OfferedPerSecond">The paced rate, or null for a saturating push.</param>
/// <param name="EventsPerSecond">Events delivered to every client.</param>
/// <param name="DeliveriesPerSecond">Frames delivered, all clients together.</param>
/// <param name="BenchCpuSeconds">The bench's own CPU meanwhile (simulator and clients), on the same cores.</param>
internal sealed record EventRunResult(
    SystemKind System,
    int Clients,
    double? OfferedPerSecond,
    double EventsPerSecond,
    double DeliveriesPerSecond,
    LatencySummary Latency,
    double CpuSeconds,
    double CpuMicrosecondsPerEvent,
    double PeakRssMegabytes,
    double BenchCpuSeconds,
    double MeasuredSeconds,
    long EventsPushed)
{
    public bool Saturating => OfferedPerSecond is null;
}

/// <summary>One actions run.</summary>
/// <param name="InFlightPerClient">Calls each client keeps in flight in the closed loop; null when paced.</param>
/// <param name="OfferedPerSecond">The paced rate, or null for the closed loop.</param>
internal sealed record ActionsResult(
    int Clients,
    int? InFlightPerClient,
    double? OfferedPerSecond,
    int Actions,
    double ActionsPerSecond,
    LatencySummary RoundTrip,
    double CpuSeconds,
    double PeakRssMegabytes);

internal sealed record ConnectionsResult(int Connections, double IdleRssMegabytes, double ConnectedRssMegabytes)
{
    public double AddedMegabytes => ConnectedRssMegabytes - IdleRssMegabytes;
}

/// <param name="ReadySeconds">Process start to READY, one per start, in order.</param>
internal sealed record StartupResult(IReadOnlyList<double> ReadySeconds)
{
    public double MedianSeconds => ReadySeconds.Order().ElementAt(ReadySeconds.Count / 2);
}

/// <summary>Everything one invocation measured; a scenario that did not run leaves its part empty.</summary>
internal sealed class BenchResults
{
    public List<EventRunResult> Events { get; } = [];

    public List<EventRunResult> Relay { get; } = [];

    public List<ActionsResult> Actions { get; } = [];

    public ConnectionsResult? Connections { get; set; }

    public StartupResult? Startup { get; set; }

    /// <summary>The bridge's saturated throughput as a share of the relay's, for each client count both ran with.</summary>
    public IEnumerable<RelayRatio> RelayRatios =>
        from bridge in Events
        where bridge.Saturating
        join relay in Relay.Where(run => run.Saturating) on bridge.Clients equals relay.Clients
        select new RelayRatio(bridge.Clients, bridge.EventsPerSecond, relay.EventsPerSecond);
}

internal sealed record RelayRatio(int Clients, double BridgeEventsPerSecond, double RelayEventsPerSecond)
{
    public double Ratio => BridgeEventsPerSecond / RelayEventsPerSecond;
}

internal static class Megabytes
{
    public static double Of(long bytes) => bytes / (1024.0 * 1024.0);
}
