namespace OneBotBridge.Bench.Reporting;

internal enum TargetId
{
    EventsVersusRelay,
    EventsLatency,
    ActionsRate,
    ActionsLatency,
    IdleMemory,
    ConnectionsMemory,
    Startup,
}

/// <summary>One of the targets against what was measured; <see cref="Met"/> is null when it was not measured.</summary>
/// <param name="Threshold">The target in short, as shown next to the figure: "≤ 5 ms".</param>
internal sealed record TargetCheck(TargetId Id, string Scenario, string Target, string Threshold, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "pass",
        false => "miss",
        null => "not measured",
    };
}
