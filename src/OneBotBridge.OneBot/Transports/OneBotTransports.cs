using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.ForwardWs;
using OneBotBridge.OneBot.Transports.HttpApi;
using OneBotBridge.OneBot.Transports.HttpPost;
using OneBotBridge.OneBot.Transports.ReverseWs;
using OneBotBridge.OneBot.Transports.WebSockets;

namespace OneBotBridge.OneBot.Transports;

/// <summary>
/// Every OneBot transport configured under <c>onebot</c>: forward WebSocket servers, reverse
/// WebSocket clients, HTTP API servers and HTTP POST pushers, started and stopped together.
/// Stopping stops accepting, flushes outboxes for a bounded time and closes sockets with 1001.
/// </summary>
public sealed class OneBotTransports : IHostedService, IAsyncDisposable
{
    private readonly List<ForwardWsServer> _forwardWs;
    private readonly List<HttpApiServer> _httpApi;
    private readonly List<IHostedService> _all;

    /// <exception cref="FormatException">A listen address or URL is malformed; the message names the key.</exception>
    public OneBotTransports(
        OneBotOptions options,
        IActionDispatcher dispatcher,
        IEventSource events,
        BotState bot,
        TimeProvider time,
        ILoggerFactory loggerFactory)
        : this(options, dispatcher, events, bot, time, loggerFactory, ConnectionTimings.Default, HttpPostRetry.Default)
    {
    }

    internal OneBotTransports(
        OneBotOptions options,
        IActionDispatcher dispatcher,
        IEventSource events,
        BotState bot,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ConnectionTimings timings,
        HttpPostRetry retry)
    {
        _forwardWs = options.ForwardWs
            .Select(entry => new ForwardWsServer(entry, options, dispatcher, events, bot, time, loggerFactory, timings))
            .ToList();
        _httpApi = options.HttpApi
            .Select(entry => new HttpApiServer(entry, options, dispatcher, loggerFactory))
            .ToList();
        var reverseWs = options.ReverseWs
            .Select(entry => new ReverseWsClient(entry, options, dispatcher, events, bot, time, loggerFactory, timings));
        var httpPost = options.HttpPost
            .Select(entry => new HttpPostPusher(entry, options, dispatcher, events, bot, time, loggerFactory, retry));
        _all = [.. _forwardWs, .. _httpApi, .. reverseWs, .. httpPost];
    }

    /// <summary>Bound addresses of the forward WebSocket servers, in configuration order; valid once started.</summary>
    public IReadOnlyList<Uri> ForwardWsAddresses => _forwardWs.Select(server => server.Address).ToList();

    /// <summary>Bound addresses of the HTTP API servers, in configuration order; valid once started.</summary>
    public IReadOnlyList<Uri> HttpApiAddresses => _httpApi.Select(server => server.Address).ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var transport in _all)
        {
            await transport.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_all.Select(transport => transport.StopAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _all.OfType<IAsyncDisposable>())
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }
    }
}
