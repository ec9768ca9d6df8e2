using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Events;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// The event path: reads QQ dispatches in arrival order (one reader, so every conversation keeps the
/// platform's order), translates each, and publishes it once to every OneBot connection. Translating and
/// publishing are two stages: the next dispatch is translated while the writes of the previous ones commit
/// (so they commit together), and each event is published, in order, once its writes are stored. A dispatch
/// that cannot be translated or stored is logged and skipped; it never stops the pump.
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
    /// <summary>
    /// Translated events waiting for their writes before the translating stage waits too: what bounds the event path's
    /// memory when the store falls behind (a few MB). As many as a default batch (<c>storage.batch_size</c>): with room for
    /// only 256, one batch as it was then, translation stopped while each batch committed and the writer waited while the
    /// next one was translated, and a busy bridge used neither stage fully. The price is paid only in a backlog: a
    /// send's own write then queues behind up to this many.
    /// </summary>
    public const int PublishQueueCapacity = 4096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var translated = Channel.CreateBounded<(GatewayDispatch Dispatch, Translation Translation)>(
            new BoundedChannelOptions(PublishQueueCapacity) { SingleReader = true, SingleWriter = true });
        var publishing = PublishAllAsync(translated.Reader, stoppingToken);
        try
        {
            await foreach (var dispatch in dispatches.ReadAllAsync(stoppingToken))
            {
                if (await TranslateAsync(dispatch, stoppingToken) is { } translation)
                {
                    await translated.Writer.WriteAsync((dispatch, translation), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // What was translated is still published: its writes commit before the store closes.
            translated.Writer.TryComplete();
            await publishing;
        }
    }

    private async Task<Translation?> TranslateAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            if (await translator.TranslateAsync(dispatch, cancellationToken) is { } translation)
            {
                return translation;
            }

            counters.CountDuplicate();
            Log.Duplicate(logger, dispatch.Type, dispatch.EventId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            counters.CountFailed();
            Log.TranslationFailed(logger, dispatch.Type, dispatch.EventId, exception.Message);
        }

        return null;
    }

    private async Task PublishAllAsync(ChannelReader<(GatewayDispatch Dispatch, Translation Translation)> translated, CancellationToken stoppingToken)
    {
        await foreach (var (dispatch, translation) in translated.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await translation.Stored;
            }
            catch (Exception exception)
            {
                counters.CountFailed();
                Log.StoreFailed(logger, dispatch.Type, dispatch.EventId, exception.Message);
                continue;
            }

            hub.Publish(translation.Event);
            counters.CountPublished();
            Log.Published(logger, dispatch.Type, dispatch.EventId, translation.Event.PostType);
            if (dispatch.Type == "INTERACTION_CREATE" && options.AcknowledgeInteractions)
            {
                try
                {
                    await AcknowledgeAsync(dispatch, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: the platform times the interaction out on its own.
                }
            }
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

        [LoggerMessage(Level = LogLevel.Error, Message = "Skipped QQ {Type} event {EventId}: it could not be stored: {Reason}")]
        public static partial void StoreFailed(ILogger logger, string type, string? eventId, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ {Type} event {EventId} published as a {PostType} event")]
        public static partial void Published(ILogger logger, string type, string? eventId, string postType);

        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ {Type} event {EventId} was delivered before; not repeated")]
        public static partial void Duplicate(ILogger logger, string type, string? eventId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge interaction {InteractionId}: {Reason}")]
        public static partial void AckFailed(ILogger logger, string interactionId, string reason);
    }
}
