using System.Globalization;
using OneBotBridge.Configuration.Values;

namespace OneBotBridge.Configuration.Yaml;

/// <summary>
/// Typed reads of a <see cref="ConfigNode"/>. Each read calls <c>set</c> only with a valid value;
/// otherwise it reports a problem and the option keeps its default. An empty value reads as "keep
/// the default" without a problem.
/// </summary>
internal static class ConfigValueReaders
{
    /// <summary>Any single value. Never echoed in a problem, so it is safe for secrets.</summary>
    public static void ReadString(this ConfigNode node, Action<string> set)
    {
        if (node.TryScalar("a text value", out var text))
        {
            set(text);
        }
    }

    public static void ReadBool(this ConfigNode node, Action<bool> set)
    {
        if (!node.TryScalar("true or false", out var text))
        {
            return;
        }

        if (bool.TryParse(text, out var value))
        {
            set(value);
        }
        else
        {
            node.Report($"expected true or false, got '{text}'");
        }
    }

    public static void ReadInteger(this ConfigNode node, long minimum, long maximum, Action<long> set)
    {
        if (!node.TryScalar("a whole number", out var text))
        {
            return;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum)
        {
            set(value);
        }
        else
        {
            node.Report($"expected a whole number from {minimum} to {maximum}, got '{text}'");
        }
    }

    public static void ReadDuration(this ConfigNode node, bool allowZero, Action<TimeSpan> set)
    {
        if (!node.TryScalar($"a duration ({DurationSyntax.Hint})", out var text))
        {
            return;
        }

        if (!DurationSyntax.TryParse(text, out var duration, out var error))
        {
            node.Report(error);
        }
        else if (duration == TimeSpan.Zero && !allowZero)
        {
            node.Report("must be longer than 0");
        }
        else
        {
            set(duration);
        }
    }

    public static void ReadChoice<T>(this ConfigNode node, IReadOnlyDictionary<string, T> choices, Action<T> set)
    {
        var allowed = string.Join(", ", choices.Keys);
        if (!node.TryScalar($"one of: {allowed}", out var text))
        {
            return;
        }

        if (choices.TryGetValue(text, out var value))
        {
            set(value);
        }
        else
        {
            node.Report($"'{text}' is not one of: {allowed}");
        }
    }

    public static void ReadUrl(this ConfigNode node, UrlRule rule, Action<string> set)
    {
        if (!node.TryScalar("a URL", out var text))
        {
            return;
        }

        if (rule.TryCheck(text, out var error))
        {
            set(text);
        }
        else
        {
            node.Report(error);
        }
    }

    public static void ReadListenAddress(this ConfigNode node, Action<string> set)
    {
        if (!node.TryScalar("host:port", out var text))
        {
            return;
        }

        if (ListenAddress.TryParse(text, out var error))
        {
            set(text);
        }
        else
        {
            node.Report(error);
        }
    }

    public static void ReadList<T>(this ConfigNode node, Func<ConfigNode, T> readItem, Action<List<T>> set)
    {
        if (node.TryItems("a list", out var items))
        {
            set([.. items.Select(readItem)]);
        }
    }

    /// <summary>A choice table that ignores case: <c>Array</c> and <c>array</c> both read.</summary>
    public static IReadOnlyDictionary<string, T> Choices<T>(params (string Name, T Value)[] choices) =>
        choices.ToDictionary(choice => choice.Name, choice => choice.Value, StringComparer.OrdinalIgnoreCase);
}
