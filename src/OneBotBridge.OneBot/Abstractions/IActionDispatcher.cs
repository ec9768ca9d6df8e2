namespace OneBotBridge.OneBot.Abstractions;

/// <summary>Runs OneBot actions for every transport.</summary>
public interface IActionDispatcher
{
    /// <summary>Runs one call. Never throws for a bad request or a failing handler: those become failed responses.</summary>
    Task<ActionResponse> DispatchAsync(ActionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Parses one WebSocket text frame (<c>{action, params, echo}</c>), runs it and returns the
    /// serialized response. A malformed frame is answered with retcode 1400.
    /// </summary>
    Task<byte[]> DispatchFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);
}
