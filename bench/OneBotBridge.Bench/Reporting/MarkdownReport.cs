using System.Text;
using OneBotBridge.Bench.Scenarios;

namespace OneBotBridge.Bench.Reporting;

/// <summary>The report as Markdown: the targets first, then a table per scenario with each target next to its figure.</summary>
internal static class MarkdownReport
{
    public static string LoadOf(EventRunResult run) => run.OfferedPerSecond is { } rate ? $"{rate:N0}/s" : "saturation";

    public static string LoadOf(ActionsResult run) =>
        run.OfferedPerSecond is { } rate ? $"{rate:N0}/s paced" : $"closed loop, {run.InFlightPerClient} in flight each";

    public static string Write(BenchReport report)
    {
        var text = new StringBuilder();
        var machine = report.Machine;
        var results = report.Results;
        text.AppendLine("# OneBotBridge benchmark").AppendLine();
        text.AppendLine($"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGigabytes:0.0} GB, {machine.Os}, {machine.Runtime}, {machine.Build} build, {machine.Date:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"- Command: `{report.Command}`");
        text.AppendLine(
            $"- Each fresh bridge (or relay) first takes {report.ProcessWarmupSeconds:0.#} s of saturating load, not measured, so that its code is " +
            $"compiled to its steady state. Event runs last {report.RunSeconds:0.#} s, of which the first {report.WarmupSeconds:0.#} s are not measured. The bench (simulator and " +
            "clients) runs on the same cores as the process it measures, so every figure is indicative.");
        if (report.Smoke)
        {
            text.AppendLine("- **Smoke run**: tiny sizes that check the bench works; the figures mean nothing.");
        }

        text.AppendLine().AppendLine("## Targets").AppendLine();
        Table(text, ["scenario", "target", "measured", "result"], report.Targets.Select(check => new[] { check.Scenario, check.Target, check.Measured, check.Verdict }));

        if (results.Events.Count > 0)
        {
            text.AppendLine().AppendLine("## events — the bridge").AppendLine();
            text.AppendLine(
                "The `run` executable, storage on (SQLite), logging at warning, `message_format: array`, one forward-WS server. The simulator pushes " +
                "a mix of group, C2C and guild messages (text, faces, mentions, image attachments); every event is checked at every client. " +
                "Latency is from the simulator's push to the client's receipt. Saturation keeps at most 1,024 events in flight, so its latency is mostly queueing.");
            text.AppendLine();
            EventTable(text, report, results.Events, withRelay: true);
        }

        if (results.Relay.Count > 0)
        {
            text.AppendLine().AppendLine("## relay — the physical limit").AppendLine();
            text.AppendLine(
                "The same pushes and clients through a minimal relay process that logs in to the gateway and forwards each frame's bytes untouched " +
                "(Kestrel WebSockets, as the bridge).");
            text.AppendLine();
            EventTable(text, report, results.Relay, withRelay: false);
        }

        if (results.Actions.Count > 0)
        {
            text.AppendLine().AppendLine("## actions").AppendLine();
            text.AppendLine(
                "`send_group_msg` answering a fresh group @-message each (a `reply` segment names it), accepted by the simulator as a passive reply. " +
                "The closed loop gives the throughput: each client sends its next call as soon as one is answered, so its round trip " +
                "includes waiting behind the other calls. The paced run calls at a fixed rate, round robin over the clients, whatever " +
                "is in flight. Round trip: from the client's send to the response.");
            text.AppendLine();
            Table(
                text,
                ["clients", "load", "actions", "actions/s", "p50 ms", "p99 ms", "bridge CPU s", "peak RSS MB"],
                [.. results.Actions.Select(run => (IReadOnlyList<string>)[
                    $"{run.Clients}",
                    LoadOf(run),
                    $"{run.Actions:N0}",
                    run.OfferedPerSecond is null ? WithTarget(report, TargetId.ActionsRate, $"{run.ActionsPerSecond:N0}") : $"{run.ActionsPerSecond:N0}",
                    $"{run.RoundTrip.P50:0.00}",
                    run.OfferedPerSecond is null ? $"{run.RoundTrip.P99:0.00}" : WithTarget(report, TargetId.ActionsLatency, $"{run.RoundTrip.P99:0.00}"),
                    $"{run.CpuSeconds:0.00}",
                    $"{run.PeakRssMegabytes:0.0}",
                ])]);
        }

        if (results.Connections is { } connections)
        {
            text.AppendLine().AppendLine("## connections").AppendLine();
            text.AppendLine("Resident memory (VmRSS) of the bridge once settled; the connections each got their lifecycle event and stay open, reading heartbeats.");
            text.AppendLine();
            Table(
                text,
                ["bridge", "RSS MB"],
                [
                    ["idle", WithTarget(report, TargetId.IdleMemory, $"{connections.IdleRssMegabytes:0.0}")],
                    [$"with {connections.Connections:N0} idle forward-WS connections", $"{connections.ConnectedRssMegabytes:0.0}"],
                    ["added", WithTarget(report, TargetId.ConnectionsMemory, $"+{connections.AddedMegabytes:0.0}")],
                ]);
        }

        if (results.Startup is { } startup)
        {
            text.AppendLine().AppendLine("## startup").AppendLine();
            text.AppendLine("From starting the process to the simulator sending READY; the first start creates the database, the others open it.");
            text.AppendLine();
            Table(
                text,
                ["starts", "READY after, s", "median s"],
                [[
                    $"{startup.ReadySeconds.Count}",
                    string.Join(", ", startup.ReadySeconds.Select(seconds => $"{seconds:0.000}")),
                    WithTarget(report, TargetId.Startup, $"{startup.MedianSeconds:0.000}"),
                ]]);
        }

        return text.ToString();
    }

    private static void EventTable(StringBuilder text, BenchReport report, IReadOnlyList<EventRunResult> runs, bool withRelay)
    {
        var header = new List<string> { "clients", "load", "events/s" };
        if (withRelay)
        {
            header.Add("of relay");
        }

        header.AddRange(["deliveries/s", "p50 ms", "p99 ms", "p99.9 ms", "CPU s", "CPU µs/event", "peak RSS MB", "bench CPU s"]);
        var ratios = report.Results.RelayRatios.ToDictionary(ratio => ratio.Clients);
        Table(text, header, runs.Select(run =>
        {
            var targetRow = run.Clients == BenchSettings.TargetClients && withRelay;
            var row = new List<string> { $"{run.Clients}", LoadOf(run), $"{run.EventsPerSecond:N0}" };
            if (withRelay)
            {
                var share = run.Saturating && ratios.TryGetValue(run.Clients, out var ratio) ? $"{ratio.Ratio:P0}" : "";
                row.Add(targetRow && run.Saturating ? WithTarget(report, TargetId.EventsVersusRelay, share) : share);
            }

            var p99 = $"{run.Latency.P99:0.00}";
            row.AddRange([
                $"{run.DeliveriesPerSecond:N0}",
                $"{run.Latency.P50:0.00}",
                targetRow && !run.Saturating ? WithTarget(report, TargetId.EventsLatency, p99) : p99,
                $"{run.Latency.P999:0.00}",
                $"{run.CpuSeconds:0.00}",
                $"{run.CpuMicrosecondsPerEvent:0}",
                $"{run.PeakRssMegabytes:0.0}",
                $"{run.BenchCpuSeconds:0.00}",
            ]);
            return row;
        }));
    }

    /// <summary><paramref name="figure"/> followed by its target and whether it was met: "1.92 (≤ 5 ms: pass)".</summary>
    private static string WithTarget(BenchReport report, TargetId id, string figure) =>
        report.Targets.FirstOrDefault(check => check.Id == id) is { Met: not null } check ? $"{figure} ({check.Threshold}: {check.Verdict})" : figure;

    private static void Table(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.AppendLine($"| {string.Join(" | ", header)} |");
        text.AppendLine($"|{string.Concat(header.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            text.AppendLine($"| {string.Join(" | ", row)} |");
        }
    }
}
