using OneBotBridge.Configuration.Yaml;
using OneBotBridge.QQ.Configuration;
using YamlDotNet.RepresentationModel;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>qq.shards</c>: <c>auto</c> (as many as /gateway/bot says) or <c>[id, count]</c> with 0 ≤ id &lt; count.</summary>
internal static class ShardSetting
{
    private const string Expected = "auto or [id, count]";

    public static void Read(ConfigNode node, Action<ShardSelection?> set)
    {
        if (node.IsNull)
        {
            return;
        }

        if (node.Node is YamlScalarNode { Value: var text })
        {
            if ("auto".Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                set(null);
            }
            else
            {
                node.Report($"expected {Expected}, got '{text}'");
            }

            return;
        }

        if (!node.TryItems(Expected, out var items))
        {
            return;
        }

        if (items.Count != 2)
        {
            node.Report($"expected {Expected}: two numbers, got {items.Count}");
            return;
        }

        long? id = null, count = null;
        items[0].ReadInteger(0, int.MaxValue - 1, value => id = value);
        items[1].ReadInteger(1, int.MaxValue, value => count = value);
        if (id is null || count is null)
        {
            return;
        }

        if (id >= count)
        {
            node.Report($"shard id {id} must be less than the shard count {count}");
            return;
        }

        set(new ShardSelection((int)id, (int)count));
    }
}
