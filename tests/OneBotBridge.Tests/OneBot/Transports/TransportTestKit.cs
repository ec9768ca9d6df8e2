using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Transports.HttpPost;
using OneBotBridge.OneBot.Transports.WebSockets;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>Short timings and test logging for transport tests.</summary>
internal static class TransportTestKit
{
    public static ConnectionTimings Timings { get; } = new(
        KeepAliveInterval: TimeSpan.FromSeconds(5),
        KeepAliveTimeout: TimeSpan.FromSeconds(5),
        CloseTimeout: TimeSpan.FromMilliseconds(300),
        ShutdownFlushTimeout: TimeSpan.FromSeconds(2),
        ConnectTimeout: TimeSpan.FromSeconds(2));

    public static HttpPostRetry Retry { get; } = new(MaxRetryAttempts: 3, FirstDelay: TimeSpan.FromMilliseconds(20));

    public static ILoggerFactory Logging { get; } = LoggerFactory.Create(builder => builder
        .AddSimpleConsole(options => options.SingleLine = true)
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("OneBotBridge", LogLevel.Debug));

    public static BotState Bot(bool good = true) => new()
    {
        SelfId = FakeDispatcher.SelfId,
        Nickname = "bridge",
        Online = true,
        Good = good,
    };

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="condition"/> until true or the wait ends.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? JsonWebSocket.DefaultWait);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
