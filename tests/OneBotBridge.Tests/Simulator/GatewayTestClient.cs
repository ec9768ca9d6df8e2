using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Tests.Simulator;

/// <summary>A raw <see cref="ClientWebSocket"/> speaking JSON frames to the simulated gateway.</summary>
internal sealed class GatewayTestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<GatewayTestClient> ConnectAsync(string url)
    {
        var client = new GatewayTestClient();
        await client._socket.ConnectAsync(new Uri(url), CancellationToken.None);
        return client;
    }

    /// <summary>Connects, reads Hello, identifies and returns READY.</summary>
    public static async Task<(GatewayTestClient Client, JObject Ready)> IdentifiedAsync(string url, string token, long intents = 1 << 25, JArray? shard = null)
    {
        var client = await ConnectAsync(url);
        var hello = await client.ReceiveAsync();
        Assert.That((int)hello["op"]!, Is.EqualTo(10));
        await client.SendAsync(Identify(token, intents, shard));
        var ready = await client.ReceiveAsync();
        Assert.That((string?)ready["t"], Is.EqualTo("READY"), ready.ToString());
        return (client, ready);
    }

    public static JObject Identify(string token, long intents, JArray? shard = null) => new()
    {
        ["op"] = 2,
        ["d"] = new JObject
        {
            ["token"] = "QQBot " + token,
            ["intents"] = intents,
            ["shard"] = shard ?? new JArray(0, 1),
            ["properties"] = new JObject(),
        },
    };

    public static JObject Resume(string token, string sessionId, long seq) => new()
    {
        ["op"] = 6,
        ["d"] = new JObject { ["token"] = "QQBot " + token, ["session_id"] = sessionId, ["seq"] = seq },
    };

    public Task SendAsync(JObject frame) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToString(Formatting.None)), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame; fails the test when the socket closes first or nothing comes in time.</summary>
    public async Task<JObject> ReceiveAsync()
    {
        var frame = await ReceiveOrCloseAsync();
        Assert.That(frame, Is.Not.Null, $"the server closed the socket ({CloseStatus} {CloseDescription}) instead of sending a frame");
        return frame!;
    }

    /// <summary>Reads until the server closes; returns the close status.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync()
    {
        while (await ReceiveOrCloseAsync() is not null)
        {
        }

        return CloseStatus;
    }

    /// <summary>The next frame, or null when the server closed the socket (the close is answered).</summary>
    public async Task<JObject?> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(message.ToArray()))) { DateParseHandling = DateParseHandling.None };
                return JObject.Load(reader);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The test is over; the server side may already be gone.
            }
        }

        _socket.Dispose();
    }
}
