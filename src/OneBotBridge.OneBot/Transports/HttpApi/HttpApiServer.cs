using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.OneBot.Transports.HttpApi;

/// <summary>
/// The HTTP API server of one <c>onebot.http_api</c> entry. Statuses: 401 missing token, 403 wrong
/// token, 405 other methods, 406 unsupported Content-Type, 400 malformed body, 404 unknown action,
/// 200 with the JSON response otherwise (a failed action too).
/// </summary>
internal sealed partial class HttpApiServer : IHostedService, IAsyncDisposable
{
    private readonly AccessTokenCheck _tokens;
    private readonly IActionDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly KestrelHost _host;

    public HttpApiServer(HttpApiOptions entry, OneBotOptions options, IActionDispatcher dispatcher, ILoggerFactory loggerFactory)
    {
        _tokens = new AccessTokenCheck(entry.EffectiveAccessToken(options));
        _dispatcher = dispatcher;
        _logger = loggerFactory.CreateLogger<HttpApiServer>();
        _host = new KestrelHost(
            ListenAddress.Parse(entry.Listen, "onebot.http_api.listen"),
            loggerFactory,
            app => app.Run(HandleAsync));
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:5700/</c>; valid once started.</summary>
    public Uri Address => _host.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.Listening(_logger, Address);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _host.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (!_tokens.Admit(context))
        {
            Log.Rejected(_logger, context.Request.Path, context.Response.StatusCode);
            return;
        }

        var read = await HttpApiRequestReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (read.Request is not { } request)
        {
            Log.BadRequest(_logger, context.Request.Path, read.Status, read.Error);
            context.Response.StatusCode = read.Status;
            await context.Response.WriteAsync(read.Error, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var response = await _dispatcher.DispatchAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.Retcode == Retcode.UnknownAction
            ? StatusCodes.Status404NotFound
            : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(OneBotJson.Serialize(response), context.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "OneBot HTTP API listening on {Address}")]
        public static partial void Listening(ILogger logger, Uri address);

        [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP API {Path} rejected with {Status}: missing or wrong access token")]
        public static partial void Rejected(ILogger logger, string? path, int status);

        [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP API {Path} answered {Status}: {Error}")]
        public static partial void BadRequest(ILogger logger, string? path, int status, string error);
    }
}
