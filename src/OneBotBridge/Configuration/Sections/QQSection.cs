using OneBotBridge.Configuration.Values;
using OneBotBridge.Configuration.Yaml;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>qq</c> section: the upstream bot account and how to reach the platform.</summary>
internal static class QQSection
{
    // Webhook delivery is not served yet; its name joins this table when it is.
    private static readonly IReadOnlyDictionary<string, QQTransport> Transports =
        ConfigValueReaders.Choices(("websocket", QQTransport.WebSocket));

    private static readonly SectionSchema<BridgeConfiguration> Schema = new()
    {
        { "app_id", (node, configuration) => node.ReadString(value => configuration.Qq.AppId = value.Trim()) },
        { "client_secret", (node, configuration) => node.ReadString(value => configuration.Qq.ClientSecret = value.Trim()) },
        { "sandbox", (node, configuration) => node.ReadBool(value => configuration.Qq.Sandbox = value) },
        { "api_base", (node, configuration) => node.ReadUrl(UrlRule.Http, value => configuration.Qq.ApiBase = value.TrimEnd('/')) },
        { "token_url", (node, configuration) => node.ReadUrl(UrlRule.Http, value => configuration.Qq.TokenUrl = value) },
        { "transport", (node, configuration) => node.ReadChoice(Transports, value => configuration.Qq.Transport = value) },
        { "intents", (node, configuration) => IntentList.Read(node, value => configuration.Qq.Intents = value) },
        { "shards", (node, configuration) => ShardSetting.Read(node, value => configuration.Qq.Shards = value) },
        { "reconnect", (node, configuration) => ReconnectSection.Bind(node, configuration.Qq.Reconnect) },
        { "hold_unreplyable", (node, configuration) => HoldUnreplyableSection.Bind(node, configuration.HoldUnreplyable) },
        { "acknowledge_interactions", (node, configuration) => node.ReadBool(value => configuration.Inbound.AcknowledgeInteractions = value) },
    };

    public static void Bind(ConfigNode node, BridgeConfiguration configuration) => Schema.Bind(node, configuration);
}
