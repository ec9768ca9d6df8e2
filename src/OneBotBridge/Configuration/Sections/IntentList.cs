using OneBotBridge.Configuration.Yaml;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>qq.intents</c>: a non-empty list of known intent names, each once.</summary>
internal static class IntentList
{
    public static void Read(ConfigNode node, Action<List<string>> set)
    {
        if (!node.TryItems("a list of intent names", out var items))
        {
            return;
        }

        if (items.Count == 0)
        {
            node.Report($"list at least one intent: {string.Join(", ", IntentNames.All)}");
            return;
        }

        var intents = new List<string>();
        foreach (var item in items)
        {
            if (!item.TryScalar("an intent name", out var text))
            {
                continue;
            }

            var name = text.Trim().ToLowerInvariant();
            if (!IntentNames.All.Contains(name))
            {
                item.Report(UnknownIntent(text));
            }
            else if (intents.Contains(name))
            {
                item.Report($"'{name}' is listed twice");
            }
            else
            {
                intents.Add(name);
            }
        }

        set(intents);
    }

    private static string UnknownIntent(string text) =>
        KeySuggestion.Closest(text, IntentNames.All) is { } closest
            ? $"'{text}' is not an intent; did you mean '{closest}'?"
            : $"'{text}' is not an intent; known intents: {string.Join(", ", IntentNames.All)}";
}
