namespace OneBotBridge.Configuration.Yaml;

/// <summary>Words an unknown key: the closest allowed key when one is near, else the whole list.</summary>
internal static class KeySuggestion
{
    public static string ForUnknownKey(string key, IEnumerable<string> allowed)
    {
        var candidates = allowed.ToList();
        var closest = Closest(key, candidates);
        return closest is null
            ? $"unknown key; allowed here: {string.Join(", ", candidates)}"
            : $"unknown key; did you mean '{closest}'?";
    }

    /// <summary>An allowed name within a few edits of <paramref name="name"/> (case ignored), or <c>null</c>.</summary>
    public static string? Closest(string name, IEnumerable<string> allowed)
    {
        var lowered = name.ToLowerInvariant().Replace('-', '_');
        var tolerance = Math.Max(1, lowered.Length / 4);
        return allowed
            .Select(candidate => (candidate, distance: EditDistance(lowered, candidate)))
            .Where(match => match.distance <= tolerance)
            .OrderBy(match => match.distance)
            .Select(match => match.candidate)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
