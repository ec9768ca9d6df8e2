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

    private static readonly SectionSchema<QQOptions> Schema = new()
    {
        { "app_id", (node, options) => node.ReadString(value => options.AppId = value.Trim()) },
        { "client_secret", (node, options) => node.ReadString(value => options.ClientSecret = value.Trim()) },
        { "sandbox", (node, options) => node.ReadBool(value => options.Sandbox = value) },
        { "api_base", (node, options) => node.ReadUrl(UrlRule.Http, value => options.ApiBase = value.TrimEnd('/')) },
        { "token_url", (node, options) => node.ReadUrl(UrlRule.Http, value => options.TokenUrl = value) },
        { "transport", (node, options) => node.ReadChoice(Transports, value => options.Transport = value) },
        { "intents", (node, options) => IntentList.Read(node, value => options.Intents = value) },
        { "shards", (node, options) => ShardSetting.Read(node, value => options.Shards = value) },
        { "reconnect", (node, options) => ReconnectSection.Bind(node, options.Reconnect) },
    };

    public static void Bind(ConfigNode node, QQOptions options) => Schema.Bind(node, options);
}
