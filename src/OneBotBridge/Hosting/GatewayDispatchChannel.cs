using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Hosting;

/// <summary>
/// The bounded channel between the QQ upstream, which writes every dispatch (<see cref="UpstreamPump"/>), and
/// the one consumer that turns dispatches into OneBot events, in order. Bounded, so a consumer that falls
/// behind makes the gateway stop reading its socket, or the webhook answer "send again", instead of filling
/// memory. At debug level, every dispatch type is logged as it enters.
/// </summary>
internal sealed partial class GatewayDispatchChannel
{
    /// <summary>Dispatches waiting for the consumer before the upstream holds back.</summary>
    public const int Capacity = 1024;

    private readonly Channel<GatewayDispatch> _channel = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public GatewayDispatchChannel(ILogger<GatewayDispatchChannel> logger)
    {
        Writer = new LoggingWriter(_channel.Writer, logger);
    }

    public ChannelReader<GatewayDispatch> Reader => _channel.Reader;

    public ChannelWriter<GatewayDispatch> Writer { get; }

    private sealed class LoggingWriter(ChannelWriter<GatewayDispatch> inner, ILogger logger) : ChannelWriter<GatewayDispatch>
    {
        public override bool TryWrite(GatewayDispatch item)
        {
            if (!inner.TryWrite(item))
            {
                return false;
            }

            Log.Dispatch(logger, item.Type, item.ShardId, item.Seq);
            return true;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
            inner.WaitToWriteAsync(cancellationToken);

        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatch {Type} (shard {Shard}, seq {Seq})")]
        public static partial void Dispatch(ILogger logger, string type, int shard, long? seq);
    }
}
