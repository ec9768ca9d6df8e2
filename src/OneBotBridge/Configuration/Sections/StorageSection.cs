using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>storage</c> section: where and how the bridge remembers ids, messages and reply state.</summary>
internal static class StorageSection
{
    private static readonly SectionSchema<StorageOptions> Schema = new()
    {
        { "path", (node, options) => node.ReadString(value => options.Path = value.Trim()) },
        { "batch_size", (node, options) => node.ReadInteger(1, 100_000, value => options.BatchSize = (int)value) },
        { "queue_capacity", (node, options) => node.ReadInteger(1, 10_000_000, value => options.QueueCapacity = (int)value) },
        { "message_retention", (node, options) => node.ReadDuration(allowZero: false, value => options.MessageRetention = value) },
        { "message_cache", (node, options) => node.ReadInteger(1, 10_000_000, value => options.MessageCacheSize = (int)value) },
    };

    public static void Bind(ConfigNode node, StorageOptions options)
    {
        Schema.Bind(node, options);
        node.ReportEach(options.Validate());
    }
}
