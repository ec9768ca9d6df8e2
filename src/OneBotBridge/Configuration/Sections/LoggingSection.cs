using Microsoft.Extensions.Logging;
using OneBotBridge.Configuration.Yaml;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>logging</c> section: how much the console log says.</summary>
internal static class LoggingSection
{
    private static readonly IReadOnlyDictionary<string, LogLevel> Levels = ConfigValueReaders.Choices(
        ("trace", LogLevel.Trace),
        ("debug", LogLevel.Debug),
        ("information", LogLevel.Information),
        ("warning", LogLevel.Warning),
        ("error", LogLevel.Error));

    private static readonly SectionSchema<LoggingOptions> Schema = new()
    {
        { "level", (node, options) => node.ReadChoice(Levels, value => options.Level = value) },
    };

    public static void Bind(ConfigNode node, LoggingOptions options) => Schema.Bind(node, options);
}
