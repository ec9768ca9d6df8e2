namespace OneBotBridge.OneBot.Transports.WebSockets;

/// <summary>How long WebSocket connections wait for things; tests shorten them.</summary>
/// <param name="KeepAliveInterval">WebSocket ping interval, to notice dead peers that never close.</param>
/// <param name="KeepAliveTimeout">How long a ping may go unanswered before the socket is aborted.</param>
/// <param name="CloseTimeout">How long a close (and the send in flight before it) may take before the socket is aborted.</param>
/// <param name="ShutdownFlushTimeout">How long queued frames may take to go out when the bridge stops.</param>
/// <param name="ConnectTimeout">How long a reverse connection attempt may take.</param>
internal sealed record ConnectionTimings(
    TimeSpan KeepAliveInterval,
    TimeSpan KeepAliveTimeout,
    TimeSpan CloseTimeout,
    TimeSpan ShutdownFlushTimeout,
    TimeSpan ConnectTimeout)
{
    public static ConnectionTimings Default { get; } = new(
        KeepAliveInterval: TimeSpan.FromSeconds(15),
        KeepAliveTimeout: TimeSpan.FromSeconds(15),
        CloseTimeout: TimeSpan.FromSeconds(2),
        ShutdownFlushTimeout: TimeSpan.FromSeconds(5),
        ConnectTimeout: TimeSpan.FromSeconds(10));
}
