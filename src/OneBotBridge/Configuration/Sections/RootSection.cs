using OneBotBridge.Configuration.Yaml;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The top level of bridge.yaml: one key per section.</summary>
internal static class RootSection
{
    private static readonly SectionSchema<BridgeConfiguration> Schema = new()
    {
        { "qq", QQSection.Bind },
        { "onebot", (node, configuration) => OneBotSection.Bind(node, configuration.OneBot) },
        { "storage", (node, configuration) => StorageSection.Bind(node, configuration.Storage) },
        { "media", (node, configuration) => MediaSection.Bind(node, configuration.Media) },
        { "ids", (node, configuration) => IdsSection.Bind(node, configuration.Ids) },
        { "replies", (node, configuration) => RepliesSection.Bind(node, configuration.Replies) },
        { "logging", (node, configuration) => LoggingSection.Bind(node, configuration.Logging) },
    };

    public static void Bind(ConfigNode node, BridgeConfiguration configuration) => Schema.Bind(node, configuration);
}
