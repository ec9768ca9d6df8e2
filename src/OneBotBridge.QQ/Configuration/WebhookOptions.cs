namespace OneBotBridge.QQ.Configuration;

/// <summary>The <c>qq.webhook</c> section: where the platform's HTTP callbacks are received.</summary>
public sealed class WebhookOptions
{
    /// <summary><c>host:port</c> to listen on: an IP literal (IPv6 in brackets), <c>localhost</c> or <c>*</c>; port 0 picks a free one.</summary>
    public string Listen { get; set; } = "0.0.0.0:8443";

    /// <summary>The path of the callback URL, as entered in the bot console (behind a proxy: the path the proxy forwards to).</summary>
    public string Path { get; set; } = "/qq/callback";

    /// <summary>How far <c>X-Signature-Timestamp</c> may be from now; a signed request outside it is a replay and is refused.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Larger request bodies are refused with 413 before anything is verified or parsed.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a callback waits for room in the event pipeline; after that it is answered so the
    /// platform redelivers it later, rather than held until the platform gives up on the request.
    /// </summary>
    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many recent event ids are remembered to recognise redeliveries.</summary>
    public int RememberedEventIds { get; set; } = 10_000;

    /// <summary>Serve HTTPS directly; leave <see cref="WebhookTlsOptions.Certificate"/> empty behind a TLS-terminating proxy.</summary>
    public WebhookTlsOptions Tls { get; set; } = new();
}

/// <summary>The certificate Kestrel serves the callback with: a PKCS#12 file, or a PEM certificate with its PEM key.</summary>
public sealed class WebhookTlsOptions
{
    /// <summary>A <c>.pfx</c>/<c>.p12</c> file, or a PEM certificate (<c>.pem</c>/<c>.crt</c>); empty serves plain HTTP.</summary>
    public string? Certificate { get; set; }

    /// <summary>The PEM private key, when <see cref="Certificate"/> is PEM and the key is in another file.</summary>
    public string? Key { get; set; }

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key.</summary>
    public string? Password { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Certificate);
}
