using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.WebSockets;

namespace OneBotBridge.OneBot.Transports.ReverseWs;

/// <summary>
/// The reverse WebSocket client of one <c>onebot.reverse_ws</c> entry: one Universal socket, or an
/// API and an Event socket for <c>role: split</c>.
/// </summary>
internal sealed class ReverseWsClient : IHostedService, IAsyncDisposable
{
    private readonly IEventSource _events;
    private readonly IReadOnlyList<ReverseWsTarget> _targets;
    private readonly List<IDisposable> _subscriptions = [];

    public ReverseWsClient(
        ReverseWsOptions entry,
        OneBotOptions options,
        IActionDispatcher dispatcher,
        IEventSource events,
        BotState bot,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ConnectionTimings timings)
    {
        _events = events;
        var settings = new ConnectionSettings(
            dispatcher,
            new MetaEvents(bot, time),
            options.HeartbeatInterval,
            entry.OutboxOverflow,
            timings,
            time,
            loggerFactory.CreateLogger<ReverseWsClient>());

        ReverseWsTarget Target(string url, string key, ConnectionRole role) => new(
            ParseUrl(url, key),
            role,
            entry.EffectiveAccessToken(options),
            entry.EffectiveMessageFormat(options),
            entry.QueueCapacity,
            entry.ReconnectInterval,
            bot,
            settings);

        _targets = entry.Role == ReverseWsRole.Universal
            ? [Target(entry.Url, "onebot.reverse_ws.url", ConnectionRole.Universal)]
            :
            [
                Target(entry.ApiUrl ?? entry.Url, entry.ApiUrl is null ? "onebot.reverse_ws.url" : "onebot.reverse_ws.api_url", ConnectionRole.Api),
                Target(entry.EventUrl ?? entry.Url, entry.EventUrl is null ? "onebot.reverse_ws.url" : "onebot.reverse_ws.event_url", ConnectionRole.Event),
            ];
    }

    /// <summary>Subscribes the event queues and starts dialling; a target that is down is retried in the background.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var target in _targets)
        {
            if (target.Role.HasFlag(ConnectionRole.Event))
            {
                _subscriptions.Add(_events.Subscribe(target));
            }

            target.Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        await Task.WhenAll(_targets.Select(target => target.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var target in _targets)
        {
            await target.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Uri ParseUrl(string url, string key) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : throw new FormatException($"{key}: '{url}' is not a ws:// or wss:// URL.");
}
