using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Conformance;

/// <summary>
/// Compares what a fixture expects with what happened: objects as subsets, arrays in length and order,
/// and the placeholders <c>$any</c>, <c>$any:int</c>, <c>$any:string</c>, <c>$absent</c>. Platform-id
/// placeholders are resolved before matching; one left unresolved names an id the bridge never assigned.
/// </summary>
internal static class JsonMatcher
{
    /// <returns>The first mismatch as "at path: expected … got …", or <c>null</c> when everything matches.</returns>
    /// <param name="ids">The numbers the bridge assigned, by placeholder (<see cref="FixturePlaceholders.AssignedAsync"/>).</param>
    public static string? FirstMismatch(JToken expected, JToken? actual, IReadOnlyDictionary<string, long> ids, string path = "$")
    {
        if (expected is JValue { Type: JTokenType.String } placeholder && ((string)placeholder!).StartsWith('$'))
        {
            return MatchPlaceholder((string)placeholder!, actual, ids, path);
        }

        switch (expected)
        {
            case JObject expectedObject:
                if (actual is not JObject actualObject)
                {
                    return Mismatch(path, expected, actual);
                }

                foreach (var (key, value) in expectedObject)
                {
                    var childPath = $"{path}.{key}";
                    if (value is JValue { Type: JTokenType.String } absent && (string?)absent == "$absent")
                    {
                        if (actualObject.ContainsKey(key))
                        {
                            return $"at {childPath}: expected $absent got {Show(actualObject[key])}";
                        }

                        continue;
                    }

                    if (!actualObject.TryGetValue(key, out var actualValue))
                    {
                        return $"at {childPath}: expected {Show(value)} got nothing (key missing)";
                    }

                    if (FirstMismatch(value!, actualValue, ids, childPath) is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            case JArray expectedArray:
                if (actual is not JArray actualArray)
                {
                    return Mismatch(path, expected, actual);
                }

                if (actualArray.Count != expectedArray.Count)
                {
                    return $"at {path}: expected {expectedArray.Count} element(s) {Show(expected)} got {actualArray.Count} {Show(actual)}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FirstMismatch(expectedArray[i], actualArray[i], ids, $"{path}[{i}]") is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            default:
                return ValuesEqual(expected, actual) ? null : Mismatch(path, expected, actual);
        }
    }

    private static string? MatchPlaceholder(string placeholder, JToken? actual, IReadOnlyDictionary<string, long> ids, string path)
    {
        if (ids.TryGetValue(placeholder, out var number))
        {
            // OneBot writes some ids as decimal text (at.qq, reply.id): both spellings of the number match.
            var same = actual?.Type == JTokenType.Integer ? (long)actual == number
                : actual?.Type == JTokenType.String && (string?)actual == number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return same ? null : $"at {path}: expected {placeholder} (= {number}) got {Show(actual)}";
        }

        var matches = placeholder switch
        {
            "$any" => actual is not null,
            "$any:int" => actual?.Type == JTokenType.Integer,
            "$any:string" => actual?.Type == JTokenType.String,
            "$absent" => actual is null,
            _ when FixturePlaceholders.IsPlatformPlaceholder(placeholder) =>
                false,
            _ => ValuesEqual(placeholder, actual),
        };
        if (matches)
        {
            return null;
        }

        return FixturePlaceholders.IsPlatformPlaceholder(placeholder)
            ? $"at {path}: expected {placeholder} (an id the bridge has not assigned) got {Show(actual)}"
            : Mismatch(path, placeholder, actual);
    }

    private static bool ValuesEqual(JToken expected, JToken? actual) =>
        actual is not null && (JToken.DeepEquals(expected, actual)
            || (expected.Type is JTokenType.Integer or JTokenType.Float && actual.Type is JTokenType.Integer or JTokenType.Float
                && (double)expected == (double)actual));

    private static string Mismatch(string path, JToken expected, JToken? actual) => $"at {path}: expected {Show(expected)} got {Show(actual)}";

    public static string Show(JToken? token) => token is null ? "nothing" : token.ToString(Formatting.None);
}
