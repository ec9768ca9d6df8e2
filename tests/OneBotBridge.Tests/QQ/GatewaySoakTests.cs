using System.Diagnostics;

namespace OneBotBridge.Tests.QQ;

/// <summary>Many dispatches under many faults that keep the session: every one arrives exactly once, in order.</summary>
public sealed class GatewaySoakTests
{
    private const int Dispatches = 10_000;
    private const int Faults = 50;

    /// <summary>
    /// The simulator, like the platform, replays only a bounded history on Resume (1,000 events), so
    /// the pusher never runs further than this ahead of what the bridge has delivered.
    /// </summary>
    private const int MaxInFlight = 500;

    [Test]
    [CancelAfter(60_000)]
    public async Task Ten_thousand_dispatches_survive_fifty_faults_exactly_once_and_in_order(CancellationToken cancellationToken)
    {
        await using var harness = await GatewayHarness.StartAsync(capacity: 256);
        await harness.WaitReadyAsync();
        var random = new Random(20250313);
        var faultAt = new SortedSet<int>();
        while (faultAt.Count < Faults)
        {
            faultAt.Add(random.Next(1, Dispatches));
        }

        var received = new List<int>(Dispatches);
        var receivedCount = 0;
        var consuming = Task.Run(
            async () =>
            {
                while (received.Count < Dispatches)
                {
                    var dispatch = await harness.Output.Reader.ReadAsync(cancellationToken);
                    received.Add((int)dispatch.Data["n"]!);
                    Volatile.Write(ref receivedCount, received.Count);
                }
            },
            cancellationToken);

        var clock = Stopwatch.StartNew();
        var injected = new List<string>();
        for (var n = 0; n < Dispatches; n++)
        {
            if (faultAt.Contains(n))
            {
                injected.Add(await InjectFaultAsync(harness, random.Next(6), cancellationToken));
            }

            if (n - Volatile.Read(ref receivedCount) >= MaxInFlight)
            {
                var pushed = n;
                await Eventually.AssertAsync(() => pushed - Volatile.Read(ref receivedCount) < MaxInFlight / 2, $"the bridge to catch up with dispatch {n}");
            }

            await harness.PushAsync(n);
        }

        var complete = await Eventually.TrueAsync(() => consuming.IsCompleted, TimeSpan.FromSeconds(30));
        Assert.That(complete, Is.True, () => $"only {Volatile.Read(ref receivedCount)} of {Dispatches} dispatches arrived; " +
            $"first gap after {FirstGap(received)}; simulator counters {harness.Simulator.Counters}");

        TestContext.Out.WriteLine($"{Dispatches} dispatches, faults {string.Join(",", injected.GroupBy(f => f).Select(g => $"{g.Key}×{g.Count()}"))}, " +
            $"{harness.Gateway.Counters.Resumes} resumes, {harness.Gateway.Counters.Reconnects} reconnects, " +
            $"{harness.Gateway.Counters.DuplicatesSkipped} duplicates skipped, in {clock.Elapsed}");
        Assert.That(received, Is.EqualTo(Enumerable.Range(0, Dispatches)), "every dispatch once, in order");
        Assert.That(harness.Gateway.Counters.Identifies, Is.EqualTo(1), "no fault lost the session");
        var linkFaults = injected.Count(fault => fault != "5xx");
        Assert.That(harness.Gateway.Counters.Resumes, Is.GreaterThanOrEqualTo(linkFaults / 2), "faults landing while reconnecting merge, but most broke a link");
        Assert.That(harness.Output.Reader.TryRead(out _), Is.False, "nothing extra");
    }

    private static string FirstGap(List<int> received)
    {
        var snapshot = received.ToArray();
        var gap = Enumerable.Range(0, snapshot.Length).FirstOrDefault(i => snapshot[i] != i, -1);
        return gap < 0 ? $"none ({snapshot.Length} in order)" : $"index {gap}: got {snapshot[gap]}";
    }

    private static async Task<string> InjectFaultAsync(GatewayHarness harness, int kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case 0:
                await harness.Simulator.DropConnectionsAsync(cancellationToken);
                return "drop";
            case 1:
                await harness.Simulator.SendReconnectAsync(cancellationToken);
                return "op7";
            case 2:
                await harness.Simulator.CloseConnectionsAsync(4008, "too fast", cancellationToken);
                return "4008";
            case 3:
                await harness.Simulator.CloseConnectionsAsync(4009, "expired", cancellationToken);
                return "4009";
            case 4:
                var resumes = harness.Gateway.Counters.Resumes;
                harness.Simulator.HeartbeatAcksEnabled = false;
                await Eventually.AssertAsync(() => harness.Gateway.Counters.Resumes > resumes, "a Resume after the stopped ACKs");
                harness.Simulator.HeartbeatAcksEnabled = true;
                return "no-acks";
            default:
                harness.Simulator.FailNextApiCalls(2, 503);
                await harness.Api.GetMeAsync(cancellationToken);
                return "5xx";
        }
    }
}
