using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Core.Ids;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The <c>ids</c> section: the range user and group numbers are hashed into.</summary>
internal static class IdsSection
{
    // Kept below 2^53 so JavaScript frameworks read every number exactly.
    private const long MaxNumber = (1L << 53) - 1;
    private const string Expected = "[min, max]";

    /// <summary>Fewer numbers than this and collisions between ids would be common.</summary>
    private const long MinimumSize = 1000;

    private static readonly SectionSchema<IdOptions> Schema = new()
    {
        { "range", (node, options) => ReadRange(node, value => options.Range = value) },
    };

    public static void Bind(ConfigNode node, IdOptions options) => Schema.Bind(node, options);

    private static void ReadRange(ConfigNode node, Action<NumberRange> set)
    {
        if (!node.TryItems(Expected, out var items))
        {
            return;
        }

        if (items.Count != 2)
        {
            node.Report($"expected {Expected}: two numbers, got {items.Count}");
            return;
        }

        long? min = null, max = null;
        items[0].ReadInteger(1, MaxNumber, value => min = value);
        items[1].ReadInteger(1, MaxNumber, value => max = value);
        if (min is null || max is null)
        {
            return;
        }

        if (max < min)
        {
            node.Report($"max {max} is below min {min}");
            return;
        }

        if (max - min + 1 < MinimumSize)
        {
            node.Report($"[{min}, {max}] is too small: ids need room to avoid collisions; use at least {MinimumSize} numbers");
            return;
        }

        set(new NumberRange(min.Value, max.Value));
    }
}
