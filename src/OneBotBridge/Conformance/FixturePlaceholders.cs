using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;

namespace OneBotBridge.Conformance;

/// <summary>
/// Replaces <c>$user:ID</c>, <c>$group:ID</c>, <c>$guild:ID</c>, <c>$channel:ID</c> and <c>$msg:QQID</c> with
/// the numbers the bridge assigned. An id the bridge does not know stays as written, so the matcher can say so.
/// </summary>
internal sealed class FixturePlaceholders(IdMap ids, MessageStore messages)
{
    private static readonly Dictionary<string, IdKind[]> KindsByPrefix = new()
    {
        ["$user:"] = [IdKind.MemberOpenId, IdKind.UserOpenId, IdKind.GuildUserId, IdKind.UnionOpenId],
        ["$group:"] = [IdKind.GroupOpenId, IdKind.ChannelId],
        ["$guild:"] = [IdKind.GuildId],
        ["$channel:"] = [IdKind.ChannelId],
    };

    public static bool IsPlatformPlaceholder(string text) =>
        text.StartsWith("$msg:", StringComparison.Ordinal) || KindsByPrefix.Keys.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The number of every platform placeholder in <paramref name="template"/> that the bridge has assigned.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AssignedAsync(JToken template, CancellationToken cancellationToken)
    {
        var assigned = new Dictionary<string, long>(StringComparer.Ordinal);
        var placeholders = template.SelectTokens("$..*").Append(template)
            .OfType<JValue>().Where(value => value.Type == JTokenType.String).Select(value => (string)value!).Where(IsPlatformPlaceholder);
        foreach (var placeholder in placeholders.Distinct())
        {
            if (await ResolveOneAsync(placeholder, cancellationToken) is { } number)
            {
                assigned[placeholder] = number;
            }
        }

        return assigned;
    }

    /// <summary>A copy of <paramref name="template"/> with every assigned platform placeholder replaced by its number.</summary>
    public async Task<JToken> ResolveAsync(JToken template, CancellationToken cancellationToken)
    {
        switch (template)
        {
            case JObject obj:
                var resolvedObject = new JObject();
                foreach (var (key, value) in obj)
                {
                    resolvedObject[key] = await ResolveAsync(value!, cancellationToken);
                }

                return resolvedObject;
            case JArray array:
                var resolvedArray = new JArray();
                foreach (var item in array)
                {
                    resolvedArray.Add(await ResolveAsync(item, cancellationToken));
                }

                return resolvedArray;
            case JValue { Type: JTokenType.String } text when IsPlatformPlaceholder((string)text!):
                return await ResolveOneAsync((string)text!, cancellationToken) is { } number ? new JValue(number) : text.DeepClone();
            default:
                return template.DeepClone();
        }
    }

    private async Task<long?> ResolveOneAsync(string placeholder, CancellationToken cancellationToken)
    {
        if (placeholder.StartsWith("$msg:", StringComparison.Ordinal))
        {
            return (await messages.FindByPlatformIdAsync(placeholder["$msg:".Length..], cancellationToken))?.MessageId;
        }

        var (prefix, kinds) = KindsByPrefix.First(entry => placeholder.StartsWith(entry.Key, StringComparison.Ordinal));
        var id = placeholder[prefix.Length..];
        foreach (var kind in kinds)
        {
            if (ids.TryGetNumber(new PlatformId(kind, id), out var number))
            {
                return number;
            }
        }

        return null;
    }
}
