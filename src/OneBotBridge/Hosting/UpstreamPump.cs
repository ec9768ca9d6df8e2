using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ;

namespace OneBotBridge.Hosting;

/// <summary>
/// Runs the QQ upstream (gateway or webhook) into the <see cref="GatewayDispatchChannel"/>, and completes the
/// channel when the upstream stops so its consumer ends too. A <see cref="QQFatalException"/> (or any other
/// failure of the upstream) ends the bridge through <see cref="BridgeExit"/> with its message.
/// </summary>
internal sealed partial class UpstreamPump(
    IQQUpstream upstream, GatewayDispatchChannel dispatches, BridgeExit exit, ILogger<UpstreamPump> logger) : BackgroundService
{
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        upstream.ReadinessChanged += OnReadinessChanged;
        try
        {
            await upstream.RunAsync(dispatches.Writer, stoppingToken);
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
            // Anything else the upstream cannot recover from also ends the bridge, rather than leaving it deaf.
            Log.Failed(logger, exception, upstream.Transport);
            exit.Fail($"the QQ {upstream.Transport} failed: {exception.Message}");
        }
        finally
        {
            upstream.ReadinessChanged -= OnReadinessChanged;
            dispatches.Writer.TryComplete();
        }
    }

    private void OnReadinessChanged(bool ready)
    {
        if (ready)
        {
            Log.Ready(logger, upstream.BotUser?.Username ?? "?", upstream.BotUser?.Id ?? "?", upstream.Transport);
        }
        else if (!_stopping.IsCancellationRequested)
        {
            Log.NotReady(logger, upstream.Transport);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Upstream ready as {Username} ({Id}) by {Transport}")]
        public static partial void Ready(ILogger logger, string username, string id, string transport);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The QQ {Transport} is not ready; it reconnects")]
        public static partial void NotReady(ILogger logger, string transport);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
        public static partial void Fatal(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Critical, Message = "The QQ {Transport} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string transport);
    }
}
