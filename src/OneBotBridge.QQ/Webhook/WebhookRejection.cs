namespace OneBotBridge.QQ.Webhook;

/// <summary>Why a callback request was refused; nothing of a refused request is dispatched.</summary>
public enum WebhookRejection
{
    /// <summary>No <c>X-Signature-Ed25519</c> or <c>X-Signature-Timestamp</c> header (401).</summary>
    MissingSignature,

    /// <summary>The signature is not hex, not 64 bytes, or has <c>sig[63] &amp; 0xE0 != 0</c> (401).</summary>
    MalformedSignature,

    /// <summary>The timestamp is not a Unix time in seconds (401).</summary>
    MalformedTimestamp,

    /// <summary>The signature does not verify over timestamp + body with the bot's key (401).</summary>
    BadSignature,

    /// <summary>Correctly signed, but the timestamp is outside the tolerance: a replay or a badly wrong clock (401).</summary>
    StaleTimestamp,

    /// <summary>The body is larger than the configured maximum (413).</summary>
    BodyTooLarge,

    /// <summary>Correctly signed, but not a payload envelope, or an op 13 this receiver will not sign (400).</summary>
    MalformedPayload,
}

internal static class WebhookRejections
{
    public static int Status(this WebhookRejection rejection) => rejection switch
    {
        WebhookRejection.BodyTooLarge => 413,
        WebhookRejection.MalformedPayload => 400,
        _ => 401,
    };

    public static string Describe(this WebhookRejection rejection) => rejection switch
    {
        WebhookRejection.MissingSignature => "no X-Signature-Ed25519 / X-Signature-Timestamp header",
        WebhookRejection.MalformedSignature => "X-Signature-Ed25519 is not a well-formed 64-byte Ed25519 signature in hex",
        WebhookRejection.MalformedTimestamp => "X-Signature-Timestamp is not a Unix time in seconds",
        WebhookRejection.BadSignature => "the signature does not verify with this bot's key (wrong client_secret, or a forged request)",
        WebhookRejection.StaleTimestamp => "X-Signature-Timestamp is outside qq.webhook.timestamp_tolerance (a replay, or a wrong clock)",
        WebhookRejection.BodyTooLarge => "the body is larger than qq.webhook.max_body_bytes",
        WebhookRejection.MalformedPayload => "the body is not a payload envelope",
        _ => rejection.ToString(),
    };
}
