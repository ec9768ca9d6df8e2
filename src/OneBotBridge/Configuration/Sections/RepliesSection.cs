using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>replies</c> section: how long and how often received messages and events can be replied to.</summary>
internal static class RepliesSection
{
    private static readonly SectionSchema<ReplyOptions> Schema = new()
    {
        { "group_window", (node, options) => node.ReadDuration(allowZero: false, value => options.GroupWindow = value) },
        { "c2c_window", (node, options) => node.ReadDuration(allowZero: false, value => options.C2CWindow = value) },
        { "guild_window", (node, options) => node.ReadDuration(allowZero: false, value => options.GuildWindow = value) },
        { "direct_window", (node, options) => node.ReadDuration(allowZero: false, value => options.DirectWindow = value) },
        { "event_window", (node, options) => node.ReadDuration(allowZero: false, value => options.EventWindow = value) },
        { "max_per_msg_id", (node, options) => node.ReadInteger(1, 100, value => options.MaxPerMsgId = (int)value) },
        { "margin", (node, options) => node.ReadDuration(allowZero: true, value => options.Margin = value) },
    };

    public static void Bind(ConfigNode node, ReplyOptions options)
    {
        Schema.Bind(node, options);
        node.ReportEach(options.Validate());
    }
}
