using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>qq.hold_unreplyable</c>: hold a send that has nothing to reply to until the next message in its conversation.</summary>
internal static class HoldUnreplyableSection
{
    private static readonly SectionSchema<HoldUnreplyableOptions> Schema = new()
    {
        { "enabled", (node, options) => node.ReadBool(value => options.Enabled = value) },
        { "max_age", (node, options) => node.ReadDuration(allowZero: false, value => options.MaxAge = value) },
        { "max_count", (node, options) => node.ReadInteger(1, 10_000, value => options.MaxCount = (int)value) },
    };

    public static void Bind(ConfigNode node, HoldUnreplyableOptions options)
    {
        Schema.Bind(node, options);
        node.ReportEach(options.Validate());
    }
}
