using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.WebSockets;

namespace OneBotBridge.OneBot.Transports.ForwardWs;

/// <summary>
/// The forward WebSocket server of one <c>onebot.forward_ws</c> entry: frameworks connect to
/// <c>/</c> (Universal), <c>/api</c> or <c>/event</c>. The token is checked before the upgrade.
/// </summary>
internal sealed partial class ForwardWsServer : IHostedService, IAsyncDisposable
{
    private readonly ForwardWsOptions _entry;
    private readonly AccessTokenCheck _tokens;
    private readonly MessageFormat _format;
    private readonly IEventSource _events;
    private readonly ConnectionSettings _settings;
    private readonly ILogger _logger;
    private readonly KestrelHost _host;

    public ForwardWsServer(
        ForwardWsOptions entry,
        OneBotOptions options,
        IActionDispatcher dispatcher,
        IEventSource events,
        BotState bot,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ConnectionTimings timings)
    {
        _entry = entry;
        _tokens = new AccessTokenCheck(entry.EffectiveAccessToken(options));
        _format = entry.EffectiveMessageFormat(options);
        _events = events;
        _logger = loggerFactory.CreateLogger<ForwardWsServer>();
        _settings = new ConnectionSettings(
            dispatcher, new MetaEvents(bot, time), options.HeartbeatInterval, entry.OutboxOverflow, timings, time, _logger);
        _host = new KestrelHost(ListenAddress.Parse(entry.Listen, "onebot.forward_ws.listen"), loggerFactory, app =>
        {
            app.UseWebSockets(new WebSocketOptions
            {
                KeepAliveInterval = timings.KeepAliveInterval,
                KeepAliveTimeout = timings.KeepAliveTimeout,
            });
            app.Run(HandleAsync);
        });
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:6700/</c>; valid once started.</summary>
    public Uri Address => _host.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.Listening(_logger, Address);
    }

    /// <summary>Stops accepting, lets every connection flush (bounded) and close with 1001.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _host.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (RoleOf(context.Request.Path) is not { } role)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!_tokens.Admit(context))
        {
            Log.Rejected(_logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), context.Response.StatusCode);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        if (_host.Stopping.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var peer = context.Connection;
        var name = $"forward-ws {peer.LocalIpAddress}:{peer.LocalPort}{context.Request.Path} from {peer.RemoteIpAddress}:{peer.RemotePort}";
        var connection = new WebSocketConnection(socket, name, role, new Outbox(_entry.OutboxCapacity), _settings);
        Log.Accepted(_logger, name);
        using var subscription = role.HasFlag(ConnectionRole.Event)
            ? _events.Subscribe(new ConnectionEventSink(connection, _format))
            : null;
        await connection.RunAsync(_host.Stopping).ConfigureAwait(false);
    }

    /// <summary><c>/</c>, <c>/api</c>, <c>/event</c>, each with or without a trailing slash.</summary>
    private static ConnectionRole? RoleOf(PathString path) => path.Value?.TrimEnd('/') switch
    {
        "" or null => ConnectionRole.Universal,
        "/api" => ConnectionRole.Api,
        "/event" => ConnectionRole.Event,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "OneBot forward WebSocket listening on {Address}")]
        public static partial void Listening(ILogger logger, Uri address);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Connection}: connected")]
        public static partial void Accepted(ILogger logger, string connection);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Forward WebSocket {Path} from {Remote} rejected with {Status}: missing or wrong access token")]
        public static partial void Rejected(ILogger logger, string? path, string? remote, int status);
    }
}
