using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Conformance;

/// <summary>
/// The framework side of a fixture: a forward-WS client that sorts incoming frames into events
/// (meta events dropped) and action responses.
/// </summary>
internal sealed class OneBotTestClient : IAsyncDisposable
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<JObject> _events = Channel.CreateBounded<JObject>(1000);
    private readonly Channel<JObject> _responses = Channel.CreateBounded<JObject>(1000);
    private Task _receiving = Task.CompletedTask;

    public ChannelReader<JObject> Events => _events.Reader;

    public ChannelReader<JObject> Responses => _responses.Reader;

    public async Task ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(address, cancellationToken);
        _receiving = ReceiveLoopAsync(_stop.Token);
    }

    public Task SendAsync(JToken frame, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToString(Formatting.None)), WebSocketMessageType.Text, true, cancellationToken);

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var json = JsonConvert.DeserializeObject<JObject>(Encoding.UTF8.GetString(frame.ToArray()), Settings);
                frame.SetLength(0);
                if (json is null || (string?)json["post_type"] == "meta_event")
                {
                    continue;
                }

                await (json.ContainsKey("retcode") ? _responses : _events).Writer.WriteAsync(json, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
            _responses.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }
}
