using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>An <c>onebot.forward_ws</c> entry: a WebSocket server frameworks connect to.</summary>
internal static class ForwardWsSection
{
    private static readonly SectionSchema<ForwardWsOptions> Schema = new SectionSchema<ForwardWsOptions>
    {
        { "listen", (node, options) => node.ReadListenAddress(value => options.Listen = value) },
        { "outbox_capacity", (node, options) => node.ReadInteger(1, int.MaxValue, value => options.OutboxCapacity = (int)value) },
        { "outbox_overflow", (node, options) => node.ReadChoice(OutboxOverflowChoices.All, value => options.OutboxOverflow = value) },
    }.WithTransportOverrides();

    public static ForwardWsOptions Read(ConfigNode node)
    {
        var options = new ForwardWsOptions();
        Schema.Bind(node, options);
        return options;
    }
}
