using OneBotBridge.Configuration.Values;
using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>An <c>onebot.http_post</c> entry: a framework URL events are POSTed to.</summary>
internal static class HttpPostSection
{
    private static readonly SectionSchema<HttpPostOptions> Schema = new SectionSchema<HttpPostOptions>
    {
        { "url", (node, options) => node.ReadUrl(UrlRule.Http, value => options.Url = value) },
        { "secret", (node, options) => node.ReadString(value => options.Secret = value) },
        { "timeout", (node, options) => node.ReadDuration(allowZero: false, value => options.Timeout = value) },
    }.WithTransportOverrides();

    public static HttpPostOptions Read(ConfigNode node)
    {
        var options = new HttpPostOptions();
        Schema.Bind(node, options);
        if (!node.Has("url"))
        {
            node.Member("url").Report($"required: the framework's endpoint (like {UrlRule.Http.Example})");
        }

        return options;
    }
}
