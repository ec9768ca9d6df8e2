using Microsoft.Extensions.Hosting;
using OneBotBridge.OneBot.Events;

namespace OneBotBridge.Simulation;

/// <summary>
/// The automatic part of <c>simulate</c>: while at least one framework listens for events, a
/// <see cref="DemoRound"/> plays every <see cref="Interval"/>, the first as soon as one connects.
/// Nobody listening, nothing is said: a framework started later sees the conversation from its start.
/// </summary>
internal sealed class DemoConversation(DemoPlatform platform, EventHub events, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How often to look for a listener while there is none.</summary>
    private static readonly TimeSpan ListenerCheck = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            for (var round = 0; ; round = (round + 1) % DemoRound.Script.Count)
            {
                while (events.SubscriberCount == 0)
                {
                    await Task.Delay(ListenerCheck, time, stoppingToken);
                }

                await DemoRound.Script[round].PlayAsync(platform, stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
