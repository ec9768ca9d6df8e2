using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.QQ.Webhook;

/// <summary>Loads <c>qq.webhook.tls</c>: a PKCS#12 file, or a PEM certificate with its key (in the same file or <c>key</c>).</summary>
internal static class WebhookCertificate
{
    /// <returns><c>null</c> when TLS is not configured: the callback is served over plain HTTP.</returns>
    public static X509Certificate2? Load(WebhookTlsOptions tls)
    {
        if (!tls.Enabled)
        {
            return null;
        }

        var path = tls.Certificate!;
        if (!File.Exists(path))
        {
            throw new QQFatalException($"qq.webhook.tls.certificate: '{path}' does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(tls.Key) && !File.Exists(tls.Key))
        {
            throw new QQFatalException($"qq.webhook.tls.key: '{tls.Key}' does not exist.");
        }

        try
        {
            return IsPem(path)
                ? LoadPem(path, string.IsNullOrWhiteSpace(tls.Key) ? null : tls.Key, tls.Password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password);
        }
        catch (CryptographicException ex)
        {
            // The message names the file and the failure, never the password.
            throw new QQFatalException($"qq.webhook.tls: cannot load the certificate '{path}': {ex.Message}");
        }
    }

    private static bool IsPem(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pem" or ".crt" or ".cer";

    private static X509Certificate2 LoadPem(string certificate, string? key, string? password)
    {
        var loaded = string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(certificate, key)
            : X509Certificate2.CreateFromEncryptedPemFile(certificate, password, key);
        if (!loaded.HasPrivateKey)
        {
            loaded.Dispose();
            throw new QQFatalException($"qq.webhook.tls: '{certificate}' has no private key; set qq.webhook.tls.key.");
        }

        return loaded;
    }
}
