using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Hosting;

/// <summary>
/// Runs the QQ gateway into the <see cref="GatewayDispatchChannel"/>, and completes the channel when the
/// gateway stops so its consumer ends too. A <see cref="QQFatalException"/> (or any other failure of the
/// gateway) ends the bridge through <see cref="BridgeExit"/> with its message.
/// </summary>
internal sealed partial class GatewayPump(
    QQGateway gateway, GatewayDispatchChannel dispatches, BridgeExit exit, ILogger<GatewayPump> logger) : BackgroundService
{
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        gateway.ReadinessChanged += OnReadinessChanged;
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
        }
    }

    private void OnReadinessChanged(bool ready)
    {
        if (ready)
        {
            Log.Ready(logger, gateway.BotUser?.Username ?? "?", gateway.BotUser?.Id ?? "?");
        }
        else if (!_stopping.IsCancellationRequested)
        {
            Log.NotReady(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Upstream ready as {Username} ({Id}): every shard has a live session")]
        public static partial void Ready(ILogger logger, string username, string id);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A gateway shard lost its session; reconnecting")]
        public static partial void NotReady(ILogger logger);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
        public static partial void Fatal(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Critical, Message = "The QQ gateway failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
