using System.Text.Json;
using OneBotBridge.Core.Caching;
using OneBotBridge.Core.Messages;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// Finds the message a QQ message quotes. Guild messages name it in <c>message_reference.message_id</c>;
/// group/C2C messages carry an index instead (<c>message_scene.ext</c> has <c>msg_idx=REFIDX_..</c> for
/// the message itself and <c>ref_msg_idx=REFIDX_..</c> for the one it quotes), so recent indexes are
/// remembered here.
/// </summary>
internal sealed class QuoteIndex(MessageStore messages, int capacity = 10_000)
{
    private readonly LruCache<UInt128, int> _byIndex = new(capacity);

    public void Remember(JsonElement d, int messageId)
    {
        if (ExtValue(d, "msg_idx") is { } index)
        {
            _byIndex.Set(IdDigest.Of(index), messageId);
        }
    }

    public async ValueTask<int?> FindQuotedAsync(JsonElement d, CancellationToken cancellationToken)
    {
        if (d.Object("message_reference")?.Text("message_id") is { Length: > 0 } quotedId
            && await messages.FindByPlatformIdAsync(quotedId, cancellationToken) is { } quoted)
        {
            return quoted.MessageId;
        }

        var index = ExtValue(d, "ref_msg_idx") ?? FirstElementIndex(d);
        return index is not null && _byIndex.TryGet(IdDigest.Of(index), out var messageId) ? messageId : null;
    }

    private static string? FirstElementIndex(JsonElement d) =>
        d.Field("msg_elements") is { ValueKind: JsonValueKind.Array } elements && elements.GetArrayLength() > 0
            ? elements[0].Text("msg_idx")
            : null;

    private static string? ExtValue(JsonElement d, string key)
    {
        var entries = d.Object("message_scene")?.Field("ext") switch
        {
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(QQFields.TextOf),
            { ValueKind: JsonValueKind.String } single => [single.GetString()],
            _ => [],
        };
        foreach (var entry in entries)
        {
            // Entries read "key=value".
            var separator = entry?.IndexOf('=') ?? -1;
            if (separator > 0 && separator < entry!.Length - 1 && entry.AsSpan(0, separator).SequenceEqual(key))
            {
                return entry[(separator + 1)..];
            }
        }

        return null;
    }
}
