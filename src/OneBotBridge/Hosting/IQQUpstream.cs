using System.Threading.Channels;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Hosting;

/// <summary>
/// The way QQ events come in, as <c>qq.transport</c> chose it: the gateway WebSocket (<see cref="GatewayUpstream"/>)
/// or HTTP callbacks (<see cref="WebhookUpstream"/>). Either writes dispatches into the same channel.
/// </summary>
internal interface IQQUpstream
{
    /// <summary>The transport's name for log lines: <c>gateway</c> or <c>webhook</c>.</summary>
    string Transport { get; }

    /// <summary>Whether events can arrive now.</summary>
    bool IsReady { get; }

    /// <summary>The bot's own account, once known.</summary>
    QQBotUser? BotUser { get; }

    /// <summary>Raised with the new <see cref="IsReady"/> whenever it changes. Handlers must be quick and must not throw.</summary>
    event Action<bool>? ReadinessChanged;

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled, writing every dispatch to <paramref name="output"/>;
    /// throws <see cref="QQ.QQFatalException"/> (saying what to fix) when no retry can help.
    /// </summary>
    Task RunAsync(ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken);
}
