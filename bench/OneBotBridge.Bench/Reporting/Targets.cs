using OneBotBridge.Bench.Scenarios;

namespace OneBotBridge.Bench.Reporting;

/// <summary>The targets for this 2-core machine, checked against the scenarios that ran.</summary>
internal static class Targets
{
    public const double MinRelayShare = 0.5;
    public const double MaxEventP99Milliseconds = 5;
    public const double MinActionsPerSecond = 3000;
    public const double MaxActionP99Milliseconds = 10;
    public const double MaxIdleMegabytes = 80;
    public const double MaxConnectionsMegabytes = 60;
    public const double MaxReadySeconds = 1.5;

    public static IReadOnlyList<TargetCheck> Check(BenchResults results)
    {
        var checks = new List<TargetCheck>();
        if (results.Events.Count > 0)
        {
            const int clients = BenchSettings.TargetClients;
            var ratio = results.RelayRatios.FirstOrDefault(entry => entry.Clients == clients);
            checks.Add(new TargetCheck(
                TargetId.EventsVersusRelay,
                "events",
                $"throughput ≥ {MinRelayShare:P0} of the relay's, {clients} clients",
                $"≥ {MinRelayShare:P0}",
                ratio is null ? "relay not run" : $"{ratio.Ratio:P0} ({ratio.BridgeEventsPerSecond:N0} vs {ratio.RelayEventsPerSecond:N0} events/s)",
                ratio is null ? null : ratio.Ratio >= MinRelayShare));

            var paced = results.Events.FirstOrDefault(run => !run.Saturating && run.Clients == clients);
            checks.Add(new TargetCheck(
                TargetId.EventsLatency,
                "events",
                $"p99 ≤ {MaxEventP99Milliseconds} ms at {BenchSettings.OfferedEventsPerSecond:N0} events/s offered, {clients} clients",
                $"≤ {MaxEventP99Milliseconds} ms",
                paced is null ? "not run" : $"{paced.Latency.P99:0.00} ms",
                paced is null ? null : paced.Latency.P99 <= MaxEventP99Milliseconds));
        }

        if (results.Actions.FirstOrDefault(run => run.OfferedPerSecond is null) is { } closedLoop)
        {
            checks.Add(new TargetCheck(
                TargetId.ActionsRate, "actions", $"≥ {MinActionsPerSecond:N0} actions/s (closed loop)", $"≥ {MinActionsPerSecond:N0}",
                $"{closedLoop.ActionsPerSecond:N0}/s", closedLoop.ActionsPerSecond >= MinActionsPerSecond));
        }

        if (results.Actions.FirstOrDefault(run => run.OfferedPerSecond is not null) is { } pacedActions)
        {
            checks.Add(new TargetCheck(
                TargetId.ActionsLatency,
                "actions",
                $"round trip p99 ≤ {MaxActionP99Milliseconds} ms at {pacedActions.OfferedPerSecond:N0} actions/s",
                $"≤ {MaxActionP99Milliseconds} ms",
                $"{pacedActions.RoundTrip.P99:0.00} ms",
                pacedActions.RoundTrip.P99 <= MaxActionP99Milliseconds));
        }

        if (results.Connections is { } connections)
        {
            checks.Add(new TargetCheck(
                TargetId.IdleMemory, "connections", $"idle RSS ≤ {MaxIdleMegabytes} MB", $"≤ {MaxIdleMegabytes} MB",
                $"{connections.IdleRssMegabytes:0.0} MB", connections.IdleRssMegabytes <= MaxIdleMegabytes));
            var full = connections.Connections == BenchSettings.TargetIdleConnections;
            checks.Add(new TargetCheck(
                TargetId.ConnectionsMemory,
                "connections",
                $"≤ {MaxConnectionsMegabytes} MB more with {BenchSettings.TargetIdleConnections:N0} idle connections",
                $"≤ +{MaxConnectionsMegabytes} MB",
                $"+{connections.AddedMegabytes:0.0} MB with {connections.Connections:N0}",
                full ? connections.AddedMegabytes <= MaxConnectionsMegabytes : null));
        }

        if (results.Startup is { } startup)
        {
            checks.Add(new TargetCheck(
                TargetId.Startup, "startup", $"READY within {MaxReadySeconds} s of start (median)", $"≤ {MaxReadySeconds} s",
                $"{startup.MedianSeconds:0.000} s", startup.MedianSeconds <= MaxReadySeconds));
        }

        return checks;
    }
}
