using OneBotBridge.Configuration.Values;
using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>An <c>onebot.reverse_ws</c> entry: a framework's WebSocket server the bridge dials.</summary>
internal static class ReverseWsSection
{
    private static readonly IReadOnlyDictionary<string, ReverseWsRole> Roles =
        ConfigValueReaders.Choices(("universal", ReverseWsRole.Universal), ("split", ReverseWsRole.Split));

    private static readonly SectionSchema<ReverseWsOptions> Schema = new SectionSchema<ReverseWsOptions>
    {
        { "url", (node, options) => node.ReadUrl(UrlRule.WebSocket, value => options.Url = value) },
        { "role", (node, options) => node.ReadChoice(Roles, value => options.Role = value) },
        { "api_url", (node, options) => node.ReadUrl(UrlRule.WebSocket, value => options.ApiUrl = value) },
        { "event_url", (node, options) => node.ReadUrl(UrlRule.WebSocket, value => options.EventUrl = value) },
        { "reconnect_interval", (node, options) => node.ReadDuration(allowZero: false, value => options.ReconnectInterval = value) },
        { "queue_capacity", (node, options) => node.ReadInteger(1, int.MaxValue, value => options.QueueCapacity = (int)value) },
        { "outbox_overflow", (node, options) => node.ReadChoice(OutboxOverflowChoices.All, value => options.OutboxOverflow = value) },
    }.WithTransportOverrides();

    public static ReverseWsOptions Read(ConfigNode node)
    {
        var options = new ReverseWsOptions();
        Schema.Bind(node, options);
        CheckUrls(node, options);
        return options;
    }

    private static void CheckUrls(ConfigNode node, ReverseWsOptions options)
    {
        if (options.Role == ReverseWsRole.Universal)
        {
            if (!node.Has("url"))
            {
                node.Member("url").Report($"required: the framework's endpoint (like {UrlRule.WebSocket.Example})");
            }

            foreach (var key in new[] { "api_url", "event_url" })
            {
                if (node.Has(key))
                {
                    node.Member(key).Report("only used with role: split");
                }
            }
        }
        else if (!node.Has("url") && !(node.Has("api_url") && node.Has("event_url")))
        {
            node.Member("url").Report("role split needs url, or both api_url and event_url");
        }
    }
}
