using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneBotBridge.Hosting;

/// <summary>
/// Keeps the <see cref="PersistentState"/> tidy while the bridge runs — every <see cref="PruneInterval"/> it
/// forgets messages past <c>storage.message_retention</c> and reply sources whose windows closed — and
/// flushes it when the bridge stops. Registered before every other part of the runtime, so it stops last.
/// </summary>
internal sealed partial class StateMaintenance(PersistentState state, TimeProvider time, ILogger<StateMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PruneInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await state.DisposeAsync();
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.Messages.PruneAsync(cancellationToken);
            await state.Replies.PruneAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Pruning again at the next tick is all there is to do; the bridge keeps serving meanwhile.
            Log.PruneFailed(logger, exception.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not prune old messages and reply sources: {Reason}")]
        public static partial void PruneFailed(ILogger logger, string reason);
    }
}
