using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

public sealed class StandaloneArgumentsTests
{
    [Test]
    public void Every_option_is_read()
    {
        var parsed = StandaloneArguments.TryParse(
            ["--port", "8090", "--app-id", "42", "--secret", "shh", "--heartbeat-interval-ms", "250", "--webhook-url", "http://127.0.0.1:8443/qq/callback"],
            out var options,
            out _);

        Assert.That(parsed, Is.True);
        Assert.That(options!.Port, Is.EqualTo(8090));
        Assert.That(options.AppId, Is.EqualTo("42"));
        Assert.That(options.ClientSecret, Is.EqualTo("shh"));
        Assert.That(options.HeartbeatInterval, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(options.WebhookUrl, Is.EqualTo(new Uri("http://127.0.0.1:8443/qq/callback")));
    }

    [TestCase(new[] { "--port", "70000" }, "--port")]
    [TestCase(new[] { "--heartbeat-interval-ms", "0" }, "--heartbeat-interval-ms")]
    [TestCase(new[] { "--secret" }, "--secret")]
    [TestCase(new[] { "--colour", "red" }, "--colour")]
    [TestCase(new[] { "--webhook-url", "ftp://example.com/callback" }, "--webhook-url")]
    [TestCase(new[] { "--webhook-url", "/qq/callback" }, "--webhook-url")]
    public void Bad_arguments_are_named_in_the_error(string[] args, string named)
    {
        var parsed = StandaloneArguments.TryParse(args, out _, out var error);

        Assert.That(parsed, Is.False);
        Assert.That(error, Does.Contain(named));
    }
}
