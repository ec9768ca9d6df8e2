using System.Threading.Channels;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Hosting;

/// <summary>Events by the gateway WebSocket: ready while every shard has a live session; the bot account from READY.</summary>
internal sealed class GatewayUpstream(QQGateway gateway) : IQQUpstream
{
    public string Transport => "gateway";

    public bool IsReady => gateway.IsReady;

    public QQBotUser? BotUser => gateway.BotUser;

    public event Action<bool>? ReadinessChanged
    {
        add => gateway.ReadinessChanged += value;
        remove => gateway.ReadinessChanged -= value;
    }

    public Task RunAsync(ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken) =>
        gateway.RunAsync(output, cancellationToken);
}
