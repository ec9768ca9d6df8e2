using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Core.Ids;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>ids</c>: the range platform ids are hashed into.</summary>
internal static class IdsSection
{
    private const long JavaScriptSafeLimit = (1L << 53) - 1;

    private static readonly SectionSchema<IdOptions> Schema = new()
    {
        { "range", ReadRange },
    };

    public static void Bind(ConfigNode node, IdOptions options) => Schema.Bind(node, options);

    private static void ReadRange(ConfigNode node, IdOptions options)
    {
        if (!node.TryItems("a list [min, max]", out var items))
        {
            return;
        }

        if (items.Count != 2)
        {
            node.Report($"expected [min, max], got {items.Count} values");
            return;
        }

        long? min = null, max = null;
        items[0].ReadInteger(1, JavaScriptSafeLimit, value => min = value);
        items[1].ReadInteger(1, JavaScriptSafeLimit, value => max = value);
        if (min is { } low && max is { } high)
        {
            if (high - low < 1000)
            {
                node.Report($"[{low}, {high}] is too small (or reversed): ids need room to avoid collisions; use at least 1000 numbers");
                return;
            }

            options.Range = new NumberRange(low, high);
        }
    }
}
