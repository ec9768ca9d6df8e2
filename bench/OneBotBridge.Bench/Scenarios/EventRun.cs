using System.Diagnostics;
using OneBotBridge.Bench.Load;
using OneBotBridge.Bench.Measurement;
using OneBotBridge.Bench.Processes;
using OneBotBridge.Bench.Reporting;
using OneBotBridge.Simulator;

namespace OneBotBridge.Bench.Scenarios;

/// <summary>
/// One measured run of the events (or relay) scenario: clients connect, the simulator pushes the dispatch mix
/// paced at a fixed rate or as fast as it is taken, and every event is checked at every client. The first
/// <see cref="BenchSettings.Warmup"/> of the run is not measured.
/// </summary>
internal sealed class EventRun(QQSimulator simulator, SystemUnderTest target, BenchSettings settings)
{
    /// <summary>
    /// Events pushed but not yet at every client. Bounded so that a saturating push backs up in the pusher,
    /// not in the bridge's outboxes (4,096 frames, then the reader is closed and events lost).
    /// </summary>
    private const int Window = 1024;

    private const int Capacity = 2_000_000;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Saturating load for <see cref="BenchSettings.ProcessWarmup"/>, not measured: a fresh process first compiles its
    /// hot paths (tiered JIT), then runs them in the steady state that the measured runs are about.
    /// </summary>
    public async Task WarmUpAsync(int clientCount, CancellationToken cancellationToken)
    {
        var log = new PushLog(Capacity);
        var clients = await ConnectAsync(clientCount, log, cancellationToken);
        try
        {
            await PushAsync(new DispatchMix(simulator.Options.BotUserId), log, clients, null, settings.ProcessWarmup, cancellationToken);
            await DrainAsync(log, clients, cancellationToken);
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
        }
    }

    /// <param name="offeredPerSecond">The paced rate, or null to saturate.</param>
    public async Task<EventRunResult> RunAsync(SystemKind system, int clientCount, double? offeredPerSecond, CancellationToken cancellationToken)
    {
        var log = new PushLog(Capacity);
        var clients = await ConnectAsync(clientCount, log, cancellationToken);
        try
        {
            target.Process.Meter.ResetPeak();
            var (begin, end) = await PushAsync(
                new DispatchMix(simulator.Options.BotUserId), log, clients, offeredPerSecond, settings.RunDuration, cancellationToken);
            await DrainAsync(log, clients, cancellationToken);

            var latency = new LatencyHistogram();
            foreach (var client in clients)
            {
                latency.Add(client.Latency);
            }

            var seconds = Stopwatch.GetElapsedTime(begin.Timestamp, end.Timestamp).TotalSeconds;
            var events = (double)(end.Delivered - begin.Delivered) / clientCount;
            var cpu = end.TargetCpu - begin.TargetCpu;
            return new EventRunResult(
                system,
                clientCount,
                offeredPerSecond,
                events / seconds,
                events * clientCount / seconds,
                latency.Summarize(),
                cpu,
                cpu / events * 1e6,
                Megabytes.Of(target.Process.Meter.PeakResidentBytes()),
                end.BenchCpu - begin.BenchCpu,
                seconds,
                log.Count);
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
        }
    }

    private async Task<EventClient[]> ConnectAsync(int count, PushLog log, CancellationToken cancellationToken)
    {
        var clients = new List<EventClient>();
        try
        {
            foreach (var chunk in Enumerable.Range(0, count).Chunk(16))
            {
                clients.AddRange(await Task.WhenAll(chunk.Select(_ => EventClient.ConnectAsync(target.ClientUri, log, cancellationToken))));
            }

            return [.. clients];
        }
        catch
        {
            await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
            throw;
        }
    }

    /// <returns>Readings where the measured part of the run began and where the pushing ended.</returns>
    private async Task<(Reading Begin, Reading End)> PushAsync(
        DispatchMix mix, PushLog log, EventClient[] clients, double? offeredPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Reading? begin = null;
        var deliveredEverywhere = 0;
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= duration || log.Count == log.Capacity)
            {
                break;
            }

            if (begin is null && elapsed >= duration * BenchSettings.UnmeasuredShare)
            {
                log.MeasuredFrom = log.Count;
                begin = Read(clients);
            }

            var seq = log.Count;
            if (offeredPerSecond is { } rate && seq >= elapsed.TotalSeconds * rate)
            {
                await Task.Delay(1, cancellationToken);
                continue;
            }

            if (seq - deliveredEverywhere >= Window)
            {
                ThrowIfAnyFailed(clients);
                deliveredEverywhere = clients.Min(client => client.Received);
                if (seq - deliveredEverywhere >= Window)
                {
                    await Task.Delay(1, cancellationToken);
                    continue;
                }
            }

            var (type, data) = mix.Create(seq);
            log.StampNext();
            await simulator.PushDispatchAsync(type, data, cancellationToken: cancellationToken);
        }

        return (begin ?? throw new BenchFailedException("the run ended before its warm-up did"), Read(clients));
    }

    private async Task DrainAsync(PushLog log, EventClient[] clients, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (clients.Any(client => client.Received < log.Count))
        {
            ThrowIfAnyFailed(clients);
            if (target.Process.HasExited || Stopwatch.GetElapsedTime(started) > DrainTimeout)
            {
                var lagging = clients.Select((client, index) => (client, index)).First(entry => entry.client.Received < log.Count);
                throw target.Process.Failure(
                    $"client {lagging.index} received {lagging.client.Received} of {log.Count} events within {DrainTimeout.TotalSeconds:0} s after the push");
            }

            await Task.Delay(5, cancellationToken);
        }

        ThrowIfAnyFailed(clients);
    }

    private void ThrowIfAnyFailed(EventClient[] clients)
    {
        for (var i = 0; i < clients.Length; i++)
        {
            if (clients[i].Failure is { } failure)
            {
                throw target.Process.Failure($"client {i}: {failure}");
            }
        }
    }

    private Reading Read(EventClient[] clients) => new(
        Stopwatch.GetTimestamp(),
        clients.Sum(client => (long)client.Received),
        target.Process.Meter.CpuSeconds(),
        ProcessMeter.Self.CpuSeconds());

    private readonly record struct Reading(long Timestamp, long Delivered, double TargetCpu, double BenchCpu);
}
