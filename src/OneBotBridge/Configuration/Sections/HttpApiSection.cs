using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>An <c>onebot.http_api</c> entry: an HTTP server answering actions.</summary>
internal static class HttpApiSection
{
    private static readonly SectionSchema<HttpApiOptions> Schema = new SectionSchema<HttpApiOptions>
    {
        { "listen", (node, options) => node.ReadListenAddress(value => options.Listen = value) },
    }.WithTransportOverrides();

    public static HttpApiOptions Read(ConfigNode node)
    {
        var options = new HttpApiOptions();
        Schema.Bind(node, options);
        return options;
    }
}
