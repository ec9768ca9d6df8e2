using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;
using OneBotBridge.Bench.Load;
using OneBotBridge.Bench.Measurement;
using OneBotBridge.Bench.Processes;
using OneBotBridge.Bench.Reporting;
using OneBotBridge.Simulator;

namespace OneBotBridge.Bench.Scenarios;

/// <summary>
/// The actions scenario: clients answer group @-messages with <c>send_group_msg</c>, each a passive reply to
/// its own fresh message (a <c>reply</c> segment names it), which the simulator checks by the platform's rules.
/// Messages are pushed in batches ahead of the calls that answer them, small enough that the messages and the
/// replies sent to them stay in the bridge's message cache (<c>storage.message_cache</c>, 2,000 by default), as a
/// bot's recent messages do; only the calls are timed. Two runs on one bridge: a closed loop (each client keeps
/// <see cref="InFlightPerClient"/> calls in flight, as fast as they are answered) gives the throughput, and a
/// paced one (<see cref="BenchSettings.OfferedActionsPerSecond"/>, whatever is in flight) the round trip at that rate.
/// </summary>
internal sealed class ActionsScenario
{
    private const int Batch = 800;
    private static readonly TimeSpan StagingTimeout = TimeSpan.FromSeconds(60);

    private readonly QQSimulator _simulator;
    private readonly SystemUnderTest _bridge;
    private readonly DispatchMix _mix;
    private readonly ConcurrentQueue<(long GroupId, long MessageId)> _staged = new();
    private long _lastSeq = -1;

    private ActionsScenario(QQSimulator simulator, SystemUnderTest bridge)
    {
        _simulator = simulator;
        _bridge = bridge;
        _mix = new DispatchMix(simulator.Options.BotUserId);
    }

    public static int ClientCount(BenchSettings settings) => settings.Smoke ? 2 : 10;

    /// <summary>Calls each client keeps in flight: a handful, as a framework's concurrent handlers make.</summary>
    public static int InFlightPerClient => 2;

    public static async Task<IReadOnlyList<ActionsResult>> RunAsync(BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var simulator = await BenchSimulator.StartAsync(cancellationToken);
        using var data = new TempDirectory();
        await using var bridge = await SystemUnderTest.StartBridgeAsync(simulator, data.Path, cancellationToken);
        var scenario = new ActionsScenario(simulator, bridge);
        var clients = new List<ActionClient>();
        try
        {
            for (var i = 0; i < ClientCount(settings); i++)
            {
                clients.Add(await ActionClient.ConnectAsync(bridge.ClientUri, i == 0 ? scenario.Collect : null, cancellationToken));
            }

            var results = new List<ActionsResult>();
            foreach (var offered in new double?[] { null, BenchSettings.OfferedActionsPerSecond })
            {
                var result = await scenario.MeasureAsync(settings, [.. clients], offered, cancellationToken);
                progress.WriteLine(
                    $"actions: {result.Clients} clients, {MarkdownReport.LoadOf(result)}: {result.ActionsPerSecond:N0} actions/s, " +
                    $"p50 {result.RoundTrip.P50:0.00} ms, p99 {result.RoundTrip.P99:0.00} ms");
                results.Add(result);
            }

            return results;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <param name="offeredPerSecond">The paced rate, or null for the closed loop.</param>
    private async Task<ActionsResult> MeasureAsync(
        BenchSettings settings, ActionClient[] clients, double? offeredPerSecond, CancellationToken cancellationToken)
    {
        // A first batch, unmeasured, warms the bridge up.
        await StageAsync(clients, Math.Min(Batch, settings.Actions / 5), cancellationToken);
        await FireAsync(clients, offeredPerSecond, null, cancellationToken);

        var latency = new LatencyHistogram();
        var busy = TimeSpan.Zero;
        var cpu = 0.0;
        _bridge.Process.Meter.ResetPeak();
        for (var left = settings.Actions; left > 0; left -= Batch)
        {
            await StageAsync(clients, Math.Min(left, Batch), cancellationToken);
            var cpuBefore = _bridge.Process.Meter.CpuSeconds();
            busy += await FireAsync(clients, offeredPerSecond, latency, cancellationToken);
            cpu += _bridge.Process.Meter.CpuSeconds() - cpuBefore;
        }

        return new ActionsResult(
            clients.Length,
            offeredPerSecond is null ? InFlightPerClient : null,
            offeredPerSecond,
            settings.Actions,
            settings.Actions / busy.TotalSeconds,
            latency.Summarize(),
            cpu,
            Megabytes.Of(_bridge.Process.Meter.PeakResidentBytes()));
    }

    /// <summary>
    /// Pushes <paramref name="count"/> group @-messages and waits until the bridge delivered them all to every client,
    /// so none of that work runs into the calls measured next.
    /// </summary>
    private async Task StageAsync(ActionClient[] clients, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var seq = ++_lastSeq;
            await _simulator.PushDispatchAsync(DispatchMix.GroupMessage, _mix.Group(seq, (int)(seq % _mix.GroupCount)), cancellationToken: cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var pushed = _lastSeq + 1;
        while (_staged.Count < count || clients.Any(client => client.MarkedEventsReceived < pushed))
        {
            if (_bridge.Process.HasExited || Stopwatch.GetElapsedTime(started) > StagingTimeout)
            {
                throw _bridge.Process.Failure(
                    $"{_staged.Count} of {count} group messages reached the first client, and at least one client has had " +
                    $"{clients.Min(client => client.MarkedEventsReceived)} of all {pushed}");
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Answers every staged message, closed-loop or paced; returns how long it took.</summary>
    private async Task<TimeSpan> FireAsync(
        ActionClient[] clients, double? offeredPerSecond, LatencyHistogram? latency, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var histograms = offeredPerSecond is { } rate
            ? [await FirePacedAsync(clients, rate, started, cancellationToken)]
            : await Task.WhenAll(clients.SelectMany(client =>
                Enumerable.Range(0, InFlightPerClient).Select(_ => AnswerInTurnAsync(client, cancellationToken))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var histogram in histograms)
        {
            latency?.Add(histogram);
        }

        return elapsed;
    }

    /// <summary>One of a client's closed-loop callers: the next call goes as soon as the last one is answered.</summary>
    private async Task<LatencyHistogram> AnswerInTurnAsync(ActionClient client, CancellationToken cancellationToken)
    {
        var latency = new LatencyHistogram();
        while (_staged.TryDequeue(out var message))
        {
            var started = Stopwatch.GetTimestamp();
            await AnswerAsync(client, message, cancellationToken);
            latency.RecordSince(started);
        }

        return latency;
    }

    /// <summary>
    /// Calls at <paramref name="perSecond"/>, round robin over the clients, whether or not earlier calls were
    /// answered. Each round trip counts from its call's send, as an event's latency counts from its push.
    /// </summary>
    private async Task<LatencyHistogram> FirePacedAsync(ActionClient[] clients, double perSecond, long started, CancellationToken cancellationToken)
    {
        var latency = new LatencyHistogram();
        var calls = new List<Task>();
        for (var i = 0; _staged.TryDequeue(out var message); i++)
        {
            var due = started + (long)(i / perSecond * Stopwatch.Frequency);
            if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            calls.Add(AnswerTimedAsync(clients[i % clients.Length], message, latency, cancellationToken));
        }

        await Task.WhenAll(calls);
        return latency;
    }

    private async Task AnswerTimedAsync(
        ActionClient client, (long GroupId, long MessageId) message, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await AnswerAsync(client, message, cancellationToken);
        lock (latency)
        {
            latency.RecordSince(started);
        }
    }

    private async Task AnswerAsync(ActionClient client, (long GroupId, long MessageId) message, CancellationToken cancellationToken)
    {
        var parameters = new JObject
        {
            ["group_id"] = message.GroupId,
            ["message"] = new JArray(
                new JObject { ["type"] = "reply", ["data"] = new JObject { ["id"] = message.MessageId.ToString(CultureInfo.InvariantCulture) } },
                new JObject { ["type"] = "text", ["data"] = new JObject { ["text"] = "收到 got it" } }),
        };
        var response = await client.CallAsync("send_group_msg", parameters, cancellationToken);
        if ((string?)response["status"] != "ok" || (int?)response["retcode"] != 0)
        {
            throw _bridge.Process.Failure($"send_group_msg failed: {response.ToString(Newtonsoft.Json.Formatting.None)}");
        }
    }

    /// <summary>Called on the first client's receive loop for every marked message event (the client checks the mark).</summary>
    private void Collect(JObject message)
    {
        if ((string?)message["message_type"] == "group")
        {
            _staged.Enqueue(((long)message["group_id"]!, (long)message["message_id"]!));
        }
    }
}
