using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.OneBot.Transports.WebSockets;

/// <summary>What every connection of one transport entry shares.</summary>
/// <param name="HeartbeatInterval"><see cref="TimeSpan.Zero"/>: no heartbeats.</param>
internal sealed record ConnectionSettings(
    IActionDispatcher Dispatcher,
    MetaEvents Meta,
    TimeSpan HeartbeatInterval,
    OutboxOverflowPolicy OverflowPolicy,
    ConnectionTimings Timings,
    TimeProvider Time,
    ILogger Logger);
