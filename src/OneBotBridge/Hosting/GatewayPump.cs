using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Hosting;

/// <summary>
/// Runs the QQ gateway into a bounded channel and drains it. A <see cref="QQFatalException"/> (or
/// any other failure of the gateway) ends the bridge through <see cref="BridgeExit"/> with its message.
/// </summary>
internal sealed partial class GatewayPump(QQGateway gateway, BridgeExit exit, ILogger<GatewayPump> logger) : BackgroundService
{
    /// <summary>Dispatches waiting for the consumer before the gateway stops reading the socket.</summary>
    public const int Capacity = 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatches = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        gateway.ReadinessChanged += OnReadinessChanged;
        var draining = DrainAsync(dispatches.Reader);
        try
        {
            await gateway.RunAsync(dispatches.Writer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (QQFatalException fatal)
        {
            Log.Fatal(logger, fatal.Message);
            exit.Fail(fatal.Message);
        }
        catch (Exception exception)
        {
            // Anything else the gateway cannot recover from also ends the bridge, rather than leaving it deaf.
            Log.Failed(logger, exception);
            exit.Fail($"the QQ gateway failed: {exception.Message}");
        }
        finally
        {
            gateway.ReadinessChanged -= OnReadinessChanged;
            dispatches.Writer.TryComplete();
            await draining;
        }
    }

    private async Task DrainAsync(ChannelReader<GatewayDispatch> reader)
    {
        // Until the writer completes, so nothing already received goes unaccounted for.
        await foreach (var dispatch in reader.ReadAllAsync(CancellationToken.None))
        {
            Log.Dispatch(logger, dispatch.Type, dispatch.ShardId, dispatch.Seq);
        }
    }

    private void OnReadinessChanged(bool ready)
    {
        if (ready)
        {
            Log.Ready(logger, gateway.BotUser?.Username ?? "?", gateway.BotUser?.Id ?? "?");
        }
        else
        {
            Log.NotReady(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "READY as {Username} ({Id}): every shard has a live session")]
        public static partial void Ready(ILogger logger, string username, string id);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A gateway shard lost its session; reconnecting")]
        public static partial void NotReady(ILogger logger);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatch {Type} (shard {Shard}, seq {Seq})")]
        public static partial void Dispatch(ILogger logger, string type, int shard, long? seq);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
        public static partial void Fatal(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Critical, Message = "The QQ gateway failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
