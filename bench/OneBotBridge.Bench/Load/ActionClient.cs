using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Bench.Load;

/// <summary>
/// A framework calling actions on its forward-WS connection, as NoneBot2 or Koishi do: several calls in
/// flight, each answer matched by its echo; the bench's marked message events are handed to <c>onEvent</c>.
/// </summary>
internal sealed class ActionClient : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly Action<JObject>? _onEvent;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JObject>> _calls = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private long _lastEcho;
    private int _markedEvents;

    private ActionClient(ClientWebSocket socket, MessageReader reader, Action<JObject>? onEvent)
    {
        _socket = socket;
        _onEvent = onEvent;
        _receiving = ReceiveLoopAsync(reader);
    }

    /// <summary>Connects and waits for the lifecycle event, so every later event reaches <paramref name="onEvent"/>.</summary>
    public static async Task<ActionClient> ConnectAsync(Uri uri, Action<JObject>? onEvent, CancellationToken cancellationToken)
    {
        var socket = await BenchSockets.ConnectAsync(uri, cancellationToken);
        var reader = new MessageReader(socket);
        if (await reader.ReceiveAsync(cancellationToken) is null)
        {
            socket.Dispose();
            throw new BenchFailedException($"{uri} closed a new connection before its lifecycle event");
        }

        return new ActionClient(socket, reader, onEvent);
    }

    /// <summary>The bench's marked message events received so far.</summary>
    public int MarkedEventsReceived => Volatile.Read(ref _markedEvents);

    /// <summary>Calls <paramref name="action"/> and returns the whole response frame.</summary>
    public async Task<JObject> CallAsync(string action, JObject parameters, CancellationToken cancellationToken)
    {
        var echo = Interlocked.Increment(ref _lastEcho).ToString(CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[echo] = answer;
        var frame = OneBotJson.Serialize(new JObject { ["action"] = action, ["params"] = parameters, ["echo"] = echo });
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }

        try
        {
            return await answer.Task.WaitAsync(CallTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new BenchFailedException($"{action} got no answer within {CallTimeout.TotalSeconds:0} s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }

    private async Task ReceiveLoopAsync(MessageReader reader)
    {
        var ending = "the server closed the connection";
        try
        {
            while (await reader.ReceiveAsync(_stop.Token) is { } message)
            {
                if (message.Span.IndexOf("\"post_type\""u8) >= 0)
                {
                    ObserveEvent(message.Span);
                }
                else if (OneBotJson.Parse(message.Span) is JObject frame
                    && (string?)frame["echo"] is { } echo && _calls.TryRemove(echo, out var answer))
                {
                    answer.SetResult(frame);
                }
            }
        }
        catch (Exception exception)
        {
            ending = $"the connection failed: {exception.Message}";
        }

        foreach (var call in _calls.Values)
        {
            call.TrySetException(new BenchFailedException($"an action got no answer: {ending}"));
        }
    }

    /// <summary>
    /// Counts the bench's marked events; only a client that takes events parses them. Every event reaches every
    /// client: parsing each (tens of thousands per run, ten times over) made most of the bench's garbage, and its
    /// collections stall the round trips it measures.
    /// </summary>
    private void ObserveEvent(ReadOnlySpan<byte> frame)
    {
        if (frame.IndexOf(DispatchMix.Marker) < 0)
        {
            return;
        }

        Interlocked.Increment(ref _markedEvents);
        if (_onEvent is not null && OneBotJson.Parse(frame) is JObject message && (string?)message["post_type"] == "message")
        {
            _onEvent(message);
        }
    }
}
