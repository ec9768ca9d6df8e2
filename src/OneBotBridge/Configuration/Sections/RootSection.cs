using OneBotBridge.Configuration.Yaml;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The top level of bridge.yaml: one key per section.</summary>
internal static class RootSection
{
    private static readonly SectionSchema<BridgeConfiguration> Schema = new()
    {
        { "qq", (node, configuration) => QQSection.Bind(node, configuration.Qq) },
        { "onebot", (node, configuration) => OneBotSection.Bind(node, configuration.OneBot) },
        { "logging", (node, configuration) => LoggingSection.Bind(node, configuration.Logging) },
    };

    public static void Bind(ConfigNode node, BridgeConfiguration configuration) => Schema.Bind(node, configuration);
}
