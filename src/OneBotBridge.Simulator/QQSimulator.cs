using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Control;
using OneBotBridge.Simulator.Gateway;
using OneBotBridge.Simulator.Http;
using OneBotBridge.Simulator.OpenApi;
using OneBotBridge.Simulator.OpenApi.Interactions;
using OneBotBridge.Simulator.OpenApi.Media;
using OneBotBridge.Simulator.OpenApi.Messages;
using OneBotBridge.Simulator.OpenApi.Replies;
using OneBotBridge.Simulator.Tokens;
using OneBotBridge.Simulator.Webhook;

namespace OneBotBridge.Simulator;

/// <summary>
/// A fake QQ open platform on 127.0.0.1: token endpoint, OpenAPI with the passive-reply rules,
/// gateway WebSocket with Resume/replay or signed webhook deliveries, fault injection and a record
/// of everything clients did.
/// </summary>
public sealed class QQSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AccessTokenIssuer _tokens;
    private readonly GatewayServer _gateway;
    private readonly RequestLog _requests;
    private readonly ResponseOverrides _overrides = new();
    private readonly InteractionRegistry _interactions = new();
    private readonly GuildDirectory _guilds = new();
    private readonly ReplyLedger _ledger;
    private int _disposed;

    private QQSimulator(WebApplication app, QQSimulatorOptions options)
    {
        _app = app;
        Options = options;
        _requests = new RequestLog(options.RequestLogCapacity);
        var time = options.TimeProvider;
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        _tokens = new AccessTokenIssuer(time, options.TokenTtl);
        _ledger = new ReplyLedger(time);
        var media = new MediaStore(time);
        var sent = new SentMessageLog(time);
        var startLimit = new SessionStartLimit(options.SessionStartTotal, options.SessionStartRemaining, options.MaxConcurrency, time);
        _gateway = new GatewayServer(
            options,
            new IdentifyPolicy(_tokens, options.GrantedIntents, options.RecommendedShards),
            startLimit,
            loggers.CreateLogger<GatewayServer>());
        Webhook = new WebhookPusher(options, loggers.CreateLogger<WebhookPusher>());

        app.UseWebSockets();
        app.Use(new RequestRecordingMiddleware(_requests, time).InvokeAsync);
        app.Use(OpenApiTraceMiddleware.InvokeAsync);
        app.Use(new ResponseOverrideMiddleware(_overrides).InvokeAsync);
        app.Use(new OpenApiAuthorizationMiddleware(options.AppId, _tokens).InvokeAsync);

        new TokenEndpoint(options.AppId, options.ClientSecret, _tokens, time).Map(app);
        GatewayEndpoint.Map(app, _gateway);
        new GatewayInfoEndpoints(options.RecommendedShards, startLimit).Map(app);
        new BotUserEndpoint(options.AppId, options.BotUserId, options.BotUsername).Map(app);
        new SendMessageEndpoints(new OutgoingMessageReader(media), _ledger, sent, _guilds, options).Map(app);
        new MediaUploadEndpoints(media).Map(app);
        new RecallEndpoints(sent, _ledger).Map(app);
        new InteractionEndpoint(_interactions).Map(app);
        new ControlEndpoints(this).Map(app);
        new WebhookControlEndpoints(Webhook).Map(app);
        UnknownEndpointFallback.Map(app);
    }

    public QQSimulatorOptions Options { get; }

    /// <summary>"http://127.0.0.1:PORT": the OpenAPI base.</summary>
    public string ApiBase { get; private set; } = "";

    /// <summary>"http://127.0.0.1:PORT/app/getAppAccessToken".</summary>
    public string TokenUrl => ApiBase + RouteKinds.TokenPath;

    /// <summary>"ws://127.0.0.1:PORT/websocket": what <c>/gateway</c> and <c>/gateway/bot</c> return.</summary>
    public string GatewayUrl => "ws" + ApiBase["http".Length..] + RouteKinds.GatewayPath;

    public bool HeartbeatAcksEnabled
    {
        get => _gateway.HeartbeatAcksEnabled;
        set => _gateway.HeartbeatAcksEnabled = value;
    }

    /// <summary>Every HTTP request to the token endpoint and OpenAPI, in order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Every frame clients sent on the gateway, in order (a snapshot).</summary>
    public IReadOnlyList<JObject> ReceivedGatewayFrames => _gateway.ReceivedFrames.Snapshot();

    public GatewayCounters Counters => _gateway.Counters;

    public int ActiveConnections => _gateway.ActiveConnections;

    /// <summary>Raised, on the request's thread, for every HTTP request once it is answered and recorded.</summary>
    public event Action<RecordedRequest>? RequestRecorded
    {
        add => _requests.Recorded += value;
        remove => _requests.Recorded -= value;
    }

    /// <summary>Raised, on the connection's receive loop, for every READY sent (after an accepted Identify).</summary>
    public event Action? ReadySent
    {
        add => _gateway.ReadySent += value;
        remove => _gateway.ReadySent -= value;
    }

    /// <summary>Webhook mode: the callback URL (set it to switch), delivery counters, and forged/stale/unsigned/replayed requests.</summary>
    public WebhookPusher Webhook { get; }

    /// <summary>Raised, on the connection's receive loop, for every frame a client sends.</summary>
    public event Action<JObject>? GatewayFrameReceived
    {
        add => _gateway.ReceivedFrames.FrameReceived += value;
        remove => _gateway.ReceivedFrames.FrameReceived -= value;
    }

    public static async Task<QQSimulator> StartAsync(QQSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new QQSimulatorOptions();
        Validate(options);
        // An empty builder reads no configuration file, so it watches nothing: a default builder watches the whole
        // working directory (every subdirectory of it) for appsettings.json, and the simulate verb runs in the user's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(QQSimulator).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(logging => options.ConfigureLogging?.Invoke(logging));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var simulator = new QQSimulator(builder.Build(), options);
        await simulator._app.StartAsync(cancellationToken);
        var address = simulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        simulator.ApiBase = new Uri(address).GetLeftPart(UriPartial.Authority);
        return simulator;
    }

    /// <summary>
    /// Sends an op 0 dispatch on the shard's session with the next seq and a fresh event id (or
    /// <paramref name="eventId"/>); kept for Resume replay. Queued until the next READY when the
    /// shard has no session yet; the returned envelope then has <c>s: null</c>. In webhook mode
    /// (<see cref="WebhookPusher.Url"/> set) it is queued for a signed POST instead, and the envelope has no <c>s</c>.
    /// Message dispatches register <c>d.id</c> as a msg_id that may be replied to, events that allow
    /// event_id replies register the envelope id; reply windows start now, on the simulator clock.
    /// </summary>
    public Task<JObject> PushDispatchAsync(string type, JToken data, string? eventId = null, int shard = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(data);
        if (shard < 0 || shard >= Options.RecommendedShards)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, $"The simulator runs {Options.RecommendedShards} shard(s).");
        }

        eventId ??= Ids.EventId(type);
        var payload = data.DeepClone();
        _ledger.Register(type, eventId, payload);
        _interactions.Observe(type, payload);
        _guilds.Observe(type, payload);
        return Webhook.IsEnabled
            ? Webhook.EnqueueAsync(type, eventId, payload, cancellationToken)
            : _gateway.DispatchAsync(type, eventId, payload, shard, cancellationToken);
    }

    /// <summary>Aborts every gateway socket without a close frame, and waits until the server let go of them.</summary>
    public Task DropConnectionsAsync(CancellationToken cancellationToken = default) => _gateway.DropConnectionsAsync(cancellationToken);

    /// <summary>Starts a close handshake with <paramref name="closeCode"/> on every gateway socket.</summary>
    public Task CloseConnectionsAsync(int closeCode, string reason = "", CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(closeCode, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(closeCode, 4999);
        return _gateway.CloseConnectionsAsync(closeCode, reason, cancellationToken);
    }

    /// <summary>Sends op 7 on every connection.</summary>
    public Task SendReconnectAsync(CancellationToken cancellationToken = default) => _gateway.SendReconnectAsync(cancellationToken);

    /// <summary>Forgets every session and sends op 9 <c>d:false</c> on every connection.</summary>
    public Task SendInvalidSessionAsync(CancellationToken cancellationToken = default) => _gateway.SendInvalidSessionAsync(cancellationToken);

    /// <summary>The next <paramref name="count"/> OpenAPI calls (not the token endpoint) answer <paramref name="httpStatus"/>.</summary>
    public void FailNextApiCalls(int count, int httpStatus, TimeSpan? retryAfter = null) => _overrides.FailNext(count, httpStatus, retryAfter);

    /// <summary>The next request to <paramref name="method"/> <paramref name="path"/> gets this answer instead (one-shot, FIFO).</summary>
    public void RespondNext(string method, string path, int status, string body) => _overrides.RespondNext(method, path, status, body);

    /// <summary>Every issued token is invalid from now on: OpenAPI answers 401/11244, Identify closes with 4004.</summary>
    public void ExpireTokensNow() => _tokens.ExpireAll();

    private static void Validate(QQSimulatorOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId, nameof(options.AppId));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientSecret, nameof(options.ClientSecret));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TokenTtl, TimeSpan.Zero, nameof(options.TokenTtl));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HeartbeatInterval, TimeSpan.Zero, nameof(options.HeartbeatInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RecommendedShards, 1, nameof(options.RecommendedShards));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SessionStartTotal, nameof(options.SessionStartTotal));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SessionStartRemaining, nameof(options.SessionStartRemaining));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options.MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BotUserId, nameof(options.BotUserId));
        ArgumentOutOfRangeException.ThrowIfNegative(options.WebhookRetries, nameof(options.WebhookRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WebhookRetryDelay, TimeSpan.Zero, nameof(options.WebhookRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WebhookTimeout, TimeSpan.Zero, nameof(options.WebhookTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestLogCapacity, nameof(options.RequestLogCapacity));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ResumeHistory, nameof(options.ResumeHistory));
        if (options.WebhookUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("The webhook URL must be an absolute http(s) URL.", nameof(options.WebhookUrl));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await Webhook.DisposeAsync();
        await _gateway.DropConnectionsAsync(CancellationToken.None);
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
