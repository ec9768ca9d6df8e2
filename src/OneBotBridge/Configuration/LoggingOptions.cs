using Microsoft.Extensions.Logging;

namespace OneBotBridge.Configuration;

/// <summary>The <c>logging</c> section of bridge.yaml.</summary>
public sealed class LoggingOptions
{
    public LogLevel Level { get; set; } = LogLevel.Information;
}
