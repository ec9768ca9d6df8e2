using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The values of <c>outbox_overflow</c> on forward and reverse WebSocket entries.</summary>
internal static class OutboxOverflowChoices
{
    public static readonly IReadOnlyDictionary<string, OutboxOverflowPolicy> All =
        ConfigValueReaders.Choices(("close", OutboxOverflowPolicy.Close), ("drop_newest", OutboxOverflowPolicy.DropNewest));
}
