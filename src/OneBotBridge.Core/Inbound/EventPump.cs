using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Events;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// The event path: reads QQ dispatches in arrival order (one reader, so every conversation keeps the
/// platform's order), translates each, and publishes it once to every OneBot connection. A dispatch
/// that cannot be translated is logged and skipped; it never stops the pump.
/// </summary>
public sealed partial class EventPump(
    ChannelReader<GatewayDispatch> dispatches,
    DispatchTranslator translator,
    EventHub hub,
    QQOpenApiClient openApi,
    InboundOptions options,
    InboundCounters counters,
    ILogger<EventPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var dispatch in dispatches.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(dispatch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        OneBotEvent? oneBotEvent;
        try
        {
            oneBotEvent = await translator.TranslateAsync(dispatch, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            counters.CountFailed();
            Log.TranslationFailed(logger, dispatch.Type, dispatch.EventId, exception.Message);
            return;
        }

        if (oneBotEvent is null)
        {
            counters.CountDuplicate();
            Log.Duplicate(logger, dispatch.Type, dispatch.EventId);
            return;
        }

        hub.Publish(oneBotEvent);
        counters.CountPublished();
        Log.Published(logger, dispatch.Type, dispatch.EventId, oneBotEvent.PostType);
        if (dispatch.Type == "INTERACTION_CREATE" && options.AcknowledgeInteractions)
        {
            await AcknowledgeAsync(dispatch, cancellationToken);
        }
    }

    private async Task AcknowledgeAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if ((string?)dispatch.Data["id"] is not { Length: > 0 } interactionId)
        {
            return;
        }

        try
        {
            await openApi.AcknowledgeInteractionAsync(interactionId, cancellationToken);
        }
        catch (QQApiException exception)
        {
            Log.AckFailed(logger, interactionId, exception.Message);
        }
        catch (HttpRequestException exception)
        {
            Log.AckFailed(logger, interactionId, exception.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped QQ {Type} event {EventId}: {Reason}")]
        public static partial void TranslationFailed(ILogger logger, string type, string? eventId, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ {Type} event {EventId} published as a {PostType} event")]
        public static partial void Published(ILogger logger, string type, string? eventId, string postType);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ {Type} event {EventId} was delivered before; not repeated")]
        public static partial void Duplicate(ILogger logger, string type, string? eventId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge interaction {InteractionId}: {Reason}")]
        public static partial void AckFailed(ILogger logger, string interactionId, string reason);
    }
}
