using OneBotBridge.Configuration.Yaml;
using OneBotBridge.QQ;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>qq.intents</c>: a non-empty list of known intent names (the QQ client's table), each once.</summary>
internal static class IntentList
{
    private static readonly IReadOnlyList<string> Known = [.. Intents.KnownNames];

    public static void Read(ConfigNode node, Action<List<string>> set)
    {
        if (!node.TryItems("a list of intent names", out var items))
        {
            return;
        }

        if (items.Count == 0)
        {
            node.Report($"list at least one intent: {string.Join(", ", Known)}");
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
            if (!Known.Contains(name))
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
        KeySuggestion.Closest(text, Known) is { } closest
            ? $"'{text}' is not an intent; did you mean '{closest}'?"
            : $"'{text}' is not an intent; known intents: {string.Join(", ", Known)}";
}
