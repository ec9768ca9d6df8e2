using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Caching;
using OneBotBridge.Core.Messages;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// Finds the message a QQ message quotes. Guild messages name it in <c>message_reference.message_id</c>;
/// group/C2C messages carry an index instead (<c>message_scene.ext</c> has <c>msg_idx=REFIDX_..</c> for
/// the message itself and <c>ref_msg_idx=REFIDX_..</c> for the one it quotes), so recent indexes are
/// remembered here.
/// </summary>
internal sealed partial class QuoteIndex(MessageStore messages, int capacity = 10_000)
{
    private readonly LruCache<string, int> _byIndex = new(capacity, StringComparer.Ordinal);

    public void Remember(JObject d, int messageId)
    {
        if (ExtValue(d, "msg_idx") is { } index)
        {
            _byIndex.Set(index, messageId);
        }
    }

    public async ValueTask<int?> FindQuotedAsync(JObject d, CancellationToken cancellationToken)
    {
        if ((string?)d["message_reference"]?["message_id"] is { Length: > 0 } quotedId
            && await messages.FindByPlatformIdAsync(quotedId, cancellationToken) is { } quoted)
        {
            return quoted.MessageId;
        }

        var index = ExtValue(d, "ref_msg_idx") ?? (string?)d["msg_elements"]?.FirstOrDefault()?["msg_idx"];
        return index is not null && _byIndex.TryGet(index, out var messageId) ? messageId : null;
    }

    private static string? ExtValue(JObject d, string key)
    {
        var ext = d["message_scene"]?["ext"];
        var entries = ext switch
        {
            JArray list => list.Select(entry => (string?)entry),
            JValue { Type: JTokenType.String } single => [(string?)single],
            _ => [],
        };
        foreach (var entry in entries)
        {
            var match = ExtEntry().Match(entry ?? "");
            if (match.Success && match.Groups[1].Value == key)
            {
                return match.Groups[2].Value;
            }
        }

        return null;
    }

    [GeneratedRegex("^([a-z_]+)=(.+)$")]
    private static partial Regex ExtEntry();
}
