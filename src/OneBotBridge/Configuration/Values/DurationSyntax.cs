using System.Globalization;
using System.Text.RegularExpressions;

namespace OneBotBridge.Configuration.Values;

/// <summary>
/// Durations in bridge.yaml: a number with a unit, <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>
/// (<c>500ms</c>, <c>5s</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>), parts may be chained (<c>1m30s</c>).
/// A bare <c>0</c> means zero. Any other bare number is refused: OneBot configurations use
/// milliseconds where others use seconds, and guessing would be wrong half the time.
/// </summary>
internal static partial class DurationSyntax
{
    public const string Hint = "use 500ms, 5s, 2m";

    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            return true;
        }

        if (trimmed.StartsWith('-'))
        {
            error = $"'{trimmed}' is negative; durations must be 0 or more";
            return false;
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{trimmed}' has no unit (write {trimmed}ms or {trimmed}s)";
            return false;
        }

        var match = Parts().Match(trimmed);
        if (!match.Success)
        {
            error = $"'{trimmed}' is not a duration ({Hint})";
            return false;
        }

        decimal ticks = 0;
        for (var i = 0; i < match.Groups["amount"].Captures.Count; i++)
        {
            var amount = decimal.Parse(match.Groups["amount"].Captures[i].Value, CultureInfo.InvariantCulture);
            ticks += amount * TicksPer(match.Groups["unit"].Captures[i].Value);
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                error = $"'{trimmed}' is too long";
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }

    /// <summary>The shortest spelling that parses back to <paramref name="duration"/>, e.g. <c>1m30s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0";
        }

        if (duration.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
        }

        var parts = new List<string>();
        if (duration >= TimeSpan.FromHours(1))
        {
            parts.Add($"{(long)duration.TotalHours}h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes}m");
        }

        if (duration.Seconds > 0)
        {
            parts.Add($"{duration.Seconds}s");
        }

        if (duration.Milliseconds > 0)
        {
            parts.Add($"{duration.Milliseconds}ms");
        }

        return string.Concat(parts);
    }

    private static decimal TicksPer(string unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };

    [GeneratedRegex(@"^(?:(?<amount>\d+(?:\.\d+)?)(?<unit>ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();
}
