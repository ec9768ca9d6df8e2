using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ;

namespace OneBotBridge.Tests.QQ.Webhook;

public sealed class WebhookTlsTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("webhook-tls-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase("pfx")]
    [TestCase("pem")]
    public async Task With_a_certificate_the_callback_is_served_over_https(string format)
    {
        using var certificate = SelfSigned();
        X509Certificate2? served = null;
        await using var harness = await ReceiverHarness.StartAsync(configure: webhook =>
        {
            if (format == "pfx")
            {
                webhook.Tls.Certificate = Path.Combine(_directory, "callback.pfx");
                webhook.Tls.Password = "pfx-password";
                File.WriteAllBytes(webhook.Tls.Certificate, certificate.Export(X509ContentType.Pkcs12, webhook.Tls.Password));
            }
            else
            {
                webhook.Tls.Certificate = Path.Combine(_directory, "callback.crt");
                webhook.Tls.Key = Path.Combine(_directory, "callback.key");
                File.WriteAllText(webhook.Tls.Certificate, certificate.ExportCertificatePem());
                File.WriteAllText(webhook.Tls.Key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
            }
        });
        using var https = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, remote, _, _) =>
                {
                    served = remote is null ? null : new X509Certificate2(remote);
                    return true;
                },
            },
        });

        using var response = await https.PostAsync(harness.Url, new StringContent(
            """{"op":13,"d":{"plain_token":"Arq0D5A61EgUu4OxUvOp","event_ts":"1725442341"}}""", Encoding.UTF8, "application/json"));

        Assert.That(harness.Url.Scheme, Is.EqualTo("https"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["plain_token"], Is.EqualTo("Arq0D5A61EgUu4OxUvOp"));
        Assert.That(served?.Thumbprint, Is.EqualTo(certificate.Thumbprint));
    }

    [Test]
    public void A_missing_certificate_file_is_a_fatal_error_naming_the_setting()
    {
        var start = ReceiverHarness.StartAsync(configure: webhook => webhook.Tls.Certificate = Path.Combine(_directory, "absent.pfx"));

        var fatal = Assert.ThrowsAsync<QQFatalException>(() => start);

        Assert.That(fatal!.Message, Does.StartWith("qq.webhook.tls.certificate"));
    }

    [Test]
    public void A_wrong_password_is_a_fatal_error_that_does_not_show_the_password()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_directory, "callback.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "right-password"));

        var fatal = Assert.ThrowsAsync<QQFatalException>(() => ReceiverHarness.StartAsync(configure: webhook =>
        {
            webhook.Tls.Certificate = path;
            webhook.Tls.Password = "wrong-password";
        }));

        Assert.That(fatal!.Message, Does.StartWith("qq.webhook.tls").And.Not.Contain("wrong-password"));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
