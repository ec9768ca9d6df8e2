using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Hosting;

/// <summary>Drops stored messages past their retention and reply sources past their window, now and then.</summary>
internal sealed partial class StatePruner(
    MessageStore messages, ReplyContextBook replies, TimeProvider time, ILogger<StatePruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await messages.PruneAsync(stoppingToken);
                    await replies.PruneAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.Failed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old messages and reply sources failed; will try again")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
