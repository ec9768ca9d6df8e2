using OneBotBridge.Simulator;

namespace OneBotBridge.Bench.Load;

/// <summary>The simulator as every scenario runs it.</summary>
internal static class BenchSimulator
{
    /// <summary>
    /// Keeps no request log (the bench reads none) and a short resume history (nothing resumes in a run): each
    /// record or frame kept lived just long enough to be promoted, which made the bench's own collections longer,
    /// and they stall every latency it measures.
    /// </summary>
    public static Task<QQSimulator> StartAsync(CancellationToken cancellationToken) =>
        QQSimulator.StartAsync(new QQSimulatorOptions { RequestLogCapacity = 0, ResumeHistory = 100 }, cancellationToken);
}
