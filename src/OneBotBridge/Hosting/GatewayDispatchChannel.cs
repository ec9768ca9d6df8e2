using System.Threading.Channels;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Hosting;

/// <summary>
/// The bounded hand-over between the upstream (gateway) and the core's event pump. When it is full the
/// gateway stops reading its socket, so the platform, not our memory, holds what is not yet processed.
/// </summary>
internal sealed class GatewayDispatchChannel
{
    public const int Capacity = 1024;

    private readonly Channel<GatewayDispatch> _channel = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelWriter<GatewayDispatch> Writer => _channel.Writer;

    public ChannelReader<GatewayDispatch> Reader => _channel.Reader;
}
