using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>onebot</c> section: the identity shown to frameworks and the transports serving them.</summary>
internal static class OneBotSection
{
    // Kept below 2^53 so JavaScript frameworks read it exactly.
    private const long MaxSelfId = (1L << 53) - 1;

    private static readonly SectionSchema<OneBotOptions> Schema = new()
    {
        { "self_id", (node, options) => node.ReadInteger(0, MaxSelfId, value => options.SelfId = value) },
        { "access_token", (node, options) => node.ReadString(value => options.AccessToken = value) },
        { "message_format", (node, options) => node.ReadChoice(TransportOverrides.MessageFormats, value => options.MessageFormat = value) },
        { "heartbeat_interval", (node, options) => node.ReadDuration(allowZero: true, value => options.HeartbeatInterval = value) },
        { "forward_ws", (node, options) => node.ReadList(ForwardWsSection.Read, value => options.ForwardWs = value) },
        { "reverse_ws", (node, options) => node.ReadList(ReverseWsSection.Read, value => options.ReverseWs = value) },
        { "http_api", (node, options) => node.ReadList(HttpApiSection.Read, value => options.HttpApi = value) },
        { "http_post", (node, options) => node.ReadList(HttpPostSection.Read, value => options.HttpPost = value) },
    };

    public static void Bind(ConfigNode node, OneBotOptions options)
    {
        Schema.Bind(node, options);
        ReportSharedListenAddresses(node, options);
    }

    /// <summary>Two servers cannot bind one address; port 0 is exempt, as each bind picks its own port. Entries already in error are skipped.</summary>
    private static void ReportSharedListenAddresses(ConfigNode node, OneBotOptions options)
    {
        var servers = options.ForwardWs.Select((entry, index) => (section: "forward_ws", index, entry.Listen))
            .Concat(options.HttpApi.Select((entry, index) => (section: "http_api", index, entry.Listen)));
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, index, listen) in servers)
        {
            if (listen.EndsWith(":0", StringComparison.Ordinal))
            {
                continue;
            }

            var entry = node.Member(section).Item(index);
            if (entry.HasProblems)
            {
                continue;
            }

            var listenNode = entry.Member("listen");
            if (owners.TryGetValue(listen, out var owner))
            {
                listenNode.Report($"{listen} is already used by {owner}");
            }
            else
            {
                owners[listen] = listenNode.Path;
            }
        }
    }
}
