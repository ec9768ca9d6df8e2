using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Hosting;

/// <summary>
/// Keeps what frameworks see of the bot in step with the bridge and its upstream: <c>online</c> while the
/// bridge runs, <c>good</c> only while the upstream is ready (for the gateway: every shard has a live session),
/// and the nickname of the bot account.
/// </summary>
internal sealed partial class BotStateFollowsUpstream(
    IQQUpstream upstream,
    BotState bot,
    SelfIdSource selfId,
    ILogger<BotStateFollowsUpstream> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.SelfId(logger, selfId.SelfId, selfId.Origin);
        upstream.ReadinessChanged += OnReadinessChanged;
        OnReadinessChanged(upstream.IsReady);
        bot.Online = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        upstream.ReadinessChanged -= OnReadinessChanged;
        bot.Good = false;
        bot.Online = false;
        return Task.CompletedTask;
    }

    private void OnReadinessChanged(bool ready)
    {
        if (ready && upstream.BotUser is { } user)
        {
            bot.Nickname = user.Username;
        }

        bot.Good = ready;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "OneBot self_id is {SelfId} ({Origin})")]
        public static partial void SelfId(ILogger logger, long selfId, string origin);
    }
}
