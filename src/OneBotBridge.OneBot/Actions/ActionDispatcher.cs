using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.OneBot.Actions;

/// <summary>
/// Runs OneBot calls for every transport: finds the handler, turns its result or failure into a
/// response and copies <c>echo</c> back with its JSON type. Unknown action → 1404; bad frame or
/// params → 1400; <see cref="ActionFailedException"/> → its retcode; anything else → 1500.
/// </summary>
public sealed partial class ActionDispatcher(ActionRegistry registry, ILogger<ActionDispatcher> logger) : IActionDispatcher
{
    public async Task<ActionResponse> DispatchAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        if (!registry.TryResolve(request.Action, out var handler, out var name))
        {
            Log.UnknownAction(logger, request.Action);
            return ActionResponse.Failed(Retcode.UnknownAction, $"unknown action \"{request.Action}\"", request.Echo);
        }

        try
        {
            var data = await handler.HandleAsync(new ActionContext(name, new ActionParams(request.Params)), cancellationToken).ConfigureAwait(false);
            Log.ActionDone(logger, request.Action);
            return ActionResponse.Ok(data, request.Echo);
        }
        catch (ActionFailedException e)
        {
            Log.ActionFailed(logger, request.Action, e.Retcode, e.Message);
            return ActionResponse.Failed(e.Retcode, e.Message, request.Echo);
        }
        catch (MessageFormatException e)
        {
            Log.ActionFailed(logger, request.Action, Retcode.BadRequest, e.Message);
            return ActionResponse.Failed(Retcode.BadRequest, $"invalid message: {e.Message}", request.Echo);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Log.ActionCrashed(logger, request.Action, e);
            return ActionResponse.Failed(Retcode.InternalError, $"{request.Action} failed unexpectedly: {e.Message}", request.Echo);
        }
    }

    public async Task<byte[]> DispatchFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        ActionResponse response;
        if (ActionFrame.TryParse(frame.Span, out var request, out var echo, out var problem))
        {
            response = await DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Log.BadFrame(logger, problem);
            response = ActionResponse.Failed(Retcode.BadRequest, problem, echo);
        }

        return OneBotJson.Serialize(response);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Action {Action} done")]
        public static partial void ActionDone(ILogger logger, string action);

        // Reasons may quote param values, so they stay at Debug; the caller gets them in the response.
        [LoggerMessage(Level = LogLevel.Debug, Message = "Action {Action} failed with retcode {Retcode}: {Reason}")]
        public static partial void ActionFailed(ILogger logger, string action, int retcode, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Action {Action} failed unexpectedly")]
        public static partial void ActionCrashed(ILogger logger, string action, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Unknown action {Action} called")]
        public static partial void UnknownAction(ILogger logger, string action);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected an API frame: {Problem}")]
        public static partial void BadFrame(ILogger logger, string problem);
    }
}
