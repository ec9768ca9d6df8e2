using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.Configuration;

namespace OneBotBridge.Hosting;

/// <summary>
/// Builds the generic host every verb runs in: single-line timestamped console logging at the
/// configured level, Ctrl+C/SIGTERM graceful shutdown, and <see cref="BridgeServiceCollectionExtensions.AddBridgeCore"/>.
/// Nothing else is read: bridge.yaml is the only configuration source.
/// </summary>
public static class BridgeHostBuilder
{
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    public static HostApplicationBuilder Create(BridgeConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "onebot-bridge",
            ContentRootPath = AppContext.BaseDirectory,
        });

        ConfigureLogging(builder.Logging, configuration.Logging.Level);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddBridgeCore(configuration);
        return builder;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(level);

        // The framework's own chatter (Kestrel, hosting) only when something is wrong.
        logging.AddFilter("Microsoft", level > LogLevel.Warning ? level : LogLevel.Warning);
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = false;
            options.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
        });
    }
}
