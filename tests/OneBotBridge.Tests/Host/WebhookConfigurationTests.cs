using OneBotBridge.Configuration;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Tests.Host;

/// <summary><c>qq.transport: webhook</c> and the <c>qq.webhook</c> keys in bridge.yaml and in <c>check-config</c>.</summary>
public sealed class WebhookConfigurationTests
{
    [Test]
    public void Every_webhook_key_is_read()
    {
        using var certificate = new TempConfigFile("not really a certificate");
        var result = ConfigFiles.Load($$"""
            qq:
              transport: webhook
              webhook:
                listen: "127.0.0.1:8080"
                path: /bots/qq
                timestamp_tolerance: 90s
                max_body_bytes: 65536
                queue_wait: 500ms
                remembered_event_ids: 500
                tls: { certificate: '{{certificate.Path}}', password: pfx-password }
            """);

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems.Select(p => p.Format("test.yaml"))));
        var qq = result.Configuration.Qq;
        Assert.That(qq.Transport, Is.EqualTo(QQTransport.Webhook));
        Assert.That(
            (qq.Webhook.Listen, qq.Webhook.Path, qq.Webhook.TimestampTolerance, qq.Webhook.MaxBodyBytes, qq.Webhook.QueueWait, qq.Webhook.RememberedEventIds),
            Is.EqualTo(("127.0.0.1:8080", "/bots/qq", TimeSpan.FromSeconds(90), 65536L, TimeSpan.FromMilliseconds(500), 500)));
        Assert.That((qq.Webhook.Tls.Certificate, qq.Webhook.Tls.Password, qq.Webhook.Tls.Enabled), Is.EqualTo((certificate.Path, "pfx-password", true)));
    }

    [Test]
    public void The_defaults_are_the_gateway_and_a_plain_http_callback_on_8443()
    {
        var qq = ConfigFiles.Load("qq: {}\n").Configuration.Qq;

        Assert.That(qq.Transport, Is.EqualTo(QQTransport.WebSocket));
        Assert.That((qq.Webhook.Listen, qq.Webhook.Path, qq.Webhook.Tls.Enabled), Is.EqualTo(("0.0.0.0:8443", "/qq/callback", false)));
    }

    [TestCase("qq:\n  transport: http\n", "qq.transport", 2, "websocket, webhook")]
    [TestCase("qq:\n  webhook:\n    listen: 8443\n", "qq.webhook.listen", 3, "host:port")]
    [TestCase("qq:\n  webhook:\n    path: qq/callback\n", "qq.webhook.path", 3, "starts with '/'")]
    [TestCase("qq:\n  webhook:\n    timestamp_tolerance: 0s\n", "qq.webhook.timestamp_tolerance", 3, "")]
    [TestCase("qq:\n  webhook:\n    max_body_bytes: 10\n", "qq.webhook.max_body_bytes", 3, "1024")]
    [TestCase("qq:\n  webhook:\n    remembered_event_ids: -1\n", "qq.webhook.remembered_event_ids", 3, "")]
    [TestCase("qq:\n  webhook:\n    lisen: 0.0.0.0:443\n", "qq.webhook.lisen", 3, "did you mean 'listen'?")]
    [TestCase("qq:\n  webhook:\n    tls: { password: secret }\n", "qq.webhook.tls", 3, "need certificate")]
    [TestCase("qq:\n  webhook:\n    tls: { certificate: /nonexistent/bridge.pfx }\n", "qq.webhook.tls.certificate", 3, "'/nonexistent/bridge.pfx' does not exist")]
    public void A_bad_webhook_value_is_reported_with_its_key_and_line(string yaml, string key, int line, string message) =>
        ConfigFiles.AssertSingleProblem(yaml, key, line, message);

    [Test]
    public async Task Check_config_says_which_callback_url_to_enter_and_which_ports_the_platform_calls()
    {
        using var file = new TempConfigFile("qq:\n  transport: webhook\n  webhook: { listen: \"0.0.0.0:8080\", path: /qq/events }\n");

        var result = await CliResult.InvokeAsync(ConfigFiles.NoEnvironment, CancellationToken.None, "check-config", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("qq: webhook via https://api.sgroup.qq.com"));
        Assert.That(result.Output, Does.Contain("qq.webhook: listening on 0.0.0.0:8080, path /qq/events, plain HTTP (put a TLS reverse proxy in front)"));
        Assert.That(result.Output, Does.Contain("set the callback URL to https://YOUR-DOMAIN/qq/events (the platform calls ports 80, 443, 8080, 8443 only"));
        Assert.That(result.Output, Does.Not.Contain("qq.intents: guilds"));
    }

    [Test]
    public async Task Check_config_warns_when_a_directly_served_https_port_is_not_one_the_platform_calls()
    {
        using var certificate = new TempConfigFile("placeholder");
        using var file = new TempConfigFile(
            $"qq:\n  transport: webhook\n  webhook: {{ listen: \"0.0.0.0:9443\", tls: {{ certificate: '{certificate.Path}', password: Pfx-Pa55 }} }}\n");

        var result = await CliResult.InvokeAsync(ConfigFiles.NoEnvironment, CancellationToken.None, "check-config", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("port 9443 is not one the platform calls"));
        Assert.That(result.All, Does.Not.Contain("Pfx-Pa55"));
    }
}
