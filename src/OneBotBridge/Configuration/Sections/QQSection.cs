using OneBotBridge.Configuration.Values;
using OneBotBridge.Configuration.Yaml;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>
/// The <c>qq</c> section: the upstream bot account and how to reach the platform (the QQ client's
/// <see cref="QQOptions"/>), plus the bridge's own upstream behaviours.
/// </summary>
internal static class QQSection
{
    private static readonly IReadOnlyDictionary<string, QQTransport> Transports =
        ConfigValueReaders.Choices(("websocket", QQTransport.WebSocket), ("webhook", QQTransport.Webhook));

    private static readonly SectionSchema<BridgeConfiguration> Schema = new()
    {
        { "app_id", (node, c) => node.ReadString(value => c.Qq.AppId = value.Trim()) },
        { "client_secret", (node, c) => node.ReadString(value => c.Qq.ClientSecret = value.Trim()) },
        { "sandbox", (node, c) => node.ReadBool(value => c.Qq.Sandbox = value) },
        { "api_base", (node, c) => node.ReadUrl(UrlRule.Http, value => c.Qq.ApiBase = value.TrimEnd('/')) },
        { "token_url", (node, c) => node.ReadUrl(UrlRule.Http, value => c.Qq.TokenUrl = value) },
        { "transport", (node, c) => node.ReadChoice(Transports, value => c.Qq.Transport = value) },
        { "intents", (node, c) => IntentList.Read(node, value => c.Qq.Intents = value) },
        { "shards", (node, c) => ShardSetting.Read(node, value => c.Qq.Shards = value) },
        { "reconnect", (node, c) => ReconnectSection.Bind(node, c.Qq.Reconnect) },
        { "webhook", (node, c) => WebhookSection.Bind(node, c.Qq.Webhook) },
        { "acknowledge_interactions", (node, c) => node.ReadBool(value => c.Inbound.AcknowledgeInteractions = value) },
        { "hold_unreplyable", (node, c) => HoldUnreplyableSection.Bind(node, c.HoldUnreplyable) },
    };

    public static void Bind(ConfigNode node, BridgeConfiguration configuration) => Schema.Bind(node, configuration);
}
