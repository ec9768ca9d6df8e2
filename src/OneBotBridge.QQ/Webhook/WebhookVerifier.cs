using System.Globalization;
using System.Text;

namespace OneBotBridge.QQ.Webhook;

/// <summary>
/// Checks a callback request's <c>X-Signature-Ed25519</c> over <c>X-Signature-Timestamp</c> + the raw
/// body bytes, and that the timestamp is recent, before anything of the body is parsed.
/// </summary>
internal sealed class WebhookVerifier(WebhookKey key, TimeSpan tolerance, TimeProvider time)
{
    /// <returns><c>null</c> when the request is authentic and recent, else why it is not.</returns>
    public WebhookRejection? Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return WebhookRejection.MissingSignature;
        }

        if (signatureHex.Length != WebhookKey.SignatureSize * 2 || !TryDecodeHex(signatureHex, out var signature)
            || (signature[WebhookKey.SignatureSize - 1] & 0xE0) != 0)
        {
            return WebhookRejection.MalformedSignature;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookRejection.MalformedTimestamp;
        }

        var message = new byte[Encoding.ASCII.GetByteCount(timestamp) + body.Length];
        var written = Encoding.ASCII.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        if (!key.Verify(message, signature))
        {
            return WebhookRejection.BadSignature;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return (time.GetUtcNow() - sentAt).Duration() > tolerance ? WebhookRejection.StaleTimestamp : null;
    }

    private static bool TryDecodeHex(string hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length;
    }
}
