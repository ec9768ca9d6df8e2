using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Core.Outbound;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>media</c> section: which local files sends may read, and how big media may be.</summary>
internal static class MediaSection
{
    private static readonly SectionSchema<MediaOptions> Schema = new()
    {
        { "allowed_dirs", ReadAllowedDirs },
        { "max_bytes", (node, options) => node.ReadInteger(1, 1L << 31, value => options.MaxBytes = value) },
    };

    public static void Bind(ConfigNode node, MediaOptions options)
    {
        Schema.Bind(node, options);
        node.ReportEach(options.Validate());
    }

    private static void ReadAllowedDirs(ConfigNode node, MediaOptions options) =>
        node.ReadList(item =>
        {
            var directory = "";
            item.ReadString(value => directory = value.Trim());
            return directory;
        }, value => options.AllowedDirs = value);
}
