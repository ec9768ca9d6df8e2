using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.Webhook;

namespace OneBotBridge.Tests.QQ.Webhook;

/// <summary>A webhook receiver on 127.0.0.1:0 writing into a bounded channel, and a raw HTTP client for it.</summary>
internal sealed class ReceiverHarness : IAsyncDisposable
{
    public const string DefaultSecret = "simulated-secret-0123456789";

    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private ReceiverHarness(QQOptions options, TimeProvider time, int capacity)
    {
        Options = options;
        Time = time;
        Loggers = TestOutputLoggerProvider.CreateFactory(LogLevel.Debug);
        Receiver = new QQWebhookReceiver(options, time, Loggers);
        Output = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        Key = WebhookKey.FromClientSecret(options.ClientSecret);
    }

    public QQOptions Options { get; }
    public TimeProvider Time { get; }
    public ILoggerFactory Loggers { get; }
    public QQWebhookReceiver Receiver { get; }
    public Channel<GatewayDispatch> Output { get; }
    public WebhookCounters Counters => Receiver.Counters;
    public Uri Url { get; private set; } = null!;
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>The key the platform signs with for <see cref="Options"/>' secret (the bridge's own derivation).</summary>
    public WebhookKey Key { get; }

    public static async Task<ReceiverHarness> StartAsync(
        string secret = DefaultSecret, int capacity = 1024, TimeProvider? time = null, Action<WebhookOptions>? configure = null)
    {
        var options = new QQOptions
        {
            AppId = "102000001",
            ClientSecret = secret,
            Webhook = new WebhookOptions { Listen = "127.0.0.1:0", QueueWait = TimeSpan.FromMilliseconds(100) },
        };
        configure?.Invoke(options.Webhook);
        var harness = new ReceiverHarness(options, time ?? TimeProvider.System, capacity);
        harness.Running = harness.Receiver.RunAsync(harness.Output.Writer, harness._stop.Token);
        harness.Url = await harness.Receiver.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return harness;
    }

    public static JObject Envelope(string eventId, int n) => new()
    {
        ["op"] = 0,
        ["id"] = eventId,
        ["t"] = "C2C_MESSAGE_CREATE",
        ["d"] = new JObject { ["id"] = $"ROBOT1.0_n{n}", ["content"] = $"message {n}", ["n"] = n },
    };

    public string Timestamp(TimeSpan offset = default) =>
        (Time.GetUtcNow() + offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(Key.Sign(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray()));

    /// <summary>POSTs <paramref name="envelope"/> signed with the bot's key at the receiver's now.</summary>
    public Task<(int Status, string Body)> PostSignedAsync(JObject envelope)
    {
        var body = Bytes(envelope);
        var timestamp = Timestamp();
        return PostAsync(body, Sign(timestamp, body), timestamp);
    }

    public async Task<(int Status, string Body)> PostAsync(byte[] body, string? signature, string? timestamp, Uri? url = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url ?? Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "QQBot-Callback");
        request.Headers.Add("X-Bot-Appid", Options.AppId);
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public static byte[] Bytes(JToken json) => Encoding.UTF8.GetBytes(json.ToString(Formatting.None));

    /// <summary>Everything in the channel right now.</summary>
    public List<GatewayDispatch> Drain()
    {
        var dispatches = new List<GatewayDispatch>();
        while (Output.Reader.TryRead(out var dispatch))
        {
            dispatches.Add(dispatch);
        }

        return dispatches;
    }

    public async Task<GatewayDispatch> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Output.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
        Loggers.Dispose();
    }
}
