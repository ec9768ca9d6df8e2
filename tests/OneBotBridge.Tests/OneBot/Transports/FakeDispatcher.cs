using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>
/// Stands in for the real dispatcher: a handful of actions, every call recorded.
/// <c>slow</c> waits until <see cref="ReleaseSlow"/>; <c>echo_params</c> answers with its params.
/// </summary>
internal sealed class FakeDispatcher : IActionDispatcher
{
    private readonly TaskCompletionSource _slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextMessageId = 100;

    public const long SelfId = 10001;

    public ConcurrentQueue<ActionRequest> Calls { get; } = new();

    public void ReleaseSlow() => _slowGate.TrySetResult();

    public async Task<ActionResponse> DispatchAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        Calls.Enqueue(request);
        switch (request.Action)
        {
            case "get_login_info":
                return ActionResponse.Ok(new JObject { ["user_id"] = SelfId, ["nickname"] = "bridge" }, request.Echo);
            case "echo_params":
                return ActionResponse.Ok(request.Params, request.Echo);
            case "slow":
                await _slowGate.Task.WaitAsync(cancellationToken);
                return ActionResponse.Ok(new JObject { ["slow"] = true }, request.Echo);
            case "send_private_msg" or "send_group_msg" or "send_msg":
                return ActionResponse.Ok(new JObject { ["message_id"] = Interlocked.Increment(ref _nextMessageId) }, request.Echo);
            case ".handle_quick_operation":
                return ActionResponse.Ok(null, request.Echo);
            default:
                return ActionResponse.Failed(Retcode.UnknownAction, $"unknown action {request.Action}", request.Echo);
        }
    }

    public async Task<byte[]> DispatchFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        JObject json;
        try
        {
            json = OneBotJson.Parse(frame.Span) as JObject ?? throw new JsonReaderException("not an object");
        }
        catch (JsonException)
        {
            return OneBotJson.Serialize(ActionResponse.Failed(Retcode.BadRequest, "bad frame"));
        }

        var request = new ActionRequest((string)json["action"]!, json["params"] as JObject ?? [], json.Property("echo")?.Value);
        return OneBotJson.Serialize(await DispatchAsync(request, cancellationToken));
    }
}
