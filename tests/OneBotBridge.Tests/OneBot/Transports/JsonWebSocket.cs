using System.Buffers;
using System.Net.WebSockets;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>A test's end of a WebSocket: send and receive JSON frames with a bounded wait.</summary>
internal sealed class JsonWebSocket(WebSocket socket) : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    public WebSocket Socket => socket;

    public static async Task<JsonWebSocket> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(client.Options);
        using var timeout = new CancellationTokenSource(DefaultWait);
        await client.ConnectAsync(uri, timeout.Token);
        return new JsonWebSocket(client);
    }

    public Task SendAsync(JToken frame) =>
        socket.SendAsync(OneBotJson.Serialize(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next frame, or <c>null</c> when the socket closed.</summary>
    public async Task<JObject?> ReceiveAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(64 * 1024), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return (JObject)OneBotJson.Parse(buffer.WrittenSpan);
            }
        }
    }

    /// <summary>The next frame that is not a heartbeat.</summary>
    public async Task<JObject?> ReceiveSkippingHeartbeatsAsync(TimeSpan? wait = null)
    {
        while (true)
        {
            var frame = await ReceiveAsync(wait);
            if (frame is null || (string?)frame["meta_event_type"] != "heartbeat")
            {
                return frame;
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
