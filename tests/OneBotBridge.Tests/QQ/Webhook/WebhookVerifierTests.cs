using System.Globalization;
using System.Text;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ.Webhook;

public sealed class WebhookVerifierTests
{
    private static readonly byte[] Body = """{"op":0,"id":"C2C_MESSAGE_CREATE:abc","t":"C2C_MESSAGE_CREATE","d":{"content":"hi"}}"""u8.ToArray();
    private readonly WebhookKey _key = WebhookKey.FromClientSecret("simulated-secret-0123456789");
    private readonly ManualTimeProvider _clock = new();

    private WebhookVerifier Verifier => new(_key, TimeSpan.FromMinutes(5), _clock);

    private string Now => _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Test]
    public void A_signature_made_with_the_key_verifies()
    {
        Assert.That(Verifier.Verify(Sign(Now, Body), Now, Body), Is.Null);
    }

    [Test]
    public void A_changed_body_or_timestamp_does_not_verify()
    {
        var signature = Sign(Now, Body);
        var changed = Body.ToArray();
        changed[^3] ^= 1;

        Assert.That(Verifier.Verify(signature, Now, changed), Is.EqualTo(WebhookRejection.BadSignature));
        Assert.That(Verifier.Verify(signature, (_clock.GetUtcNow().ToUnixTimeSeconds() - 1).ToString(CultureInfo.InvariantCulture), Body),
            Is.EqualTo(WebhookRejection.BadSignature));
    }

    [Test]
    public void Another_key_does_not_verify()
    {
        var forged = Convert.ToHexStringLower(WebhookKey.FromClientSecret("someone-else").Sign(Encoding.ASCII.GetBytes(Now).Concat(Body).ToArray()));

        Assert.That(Verifier.Verify(forged, Now, Body), Is.EqualTo(WebhookRejection.BadSignature));
    }

    [TestCase(null, "1741880682")]
    [TestCase("", "1741880682")]
    [TestCase("ab", null)]
    [TestCase("ab", "")]
    public void Missing_headers_are_refused(string? signature, string? timestamp)
    {
        Assert.That(Verifier.Verify(signature, timestamp, Body), Is.EqualTo(WebhookRejection.MissingSignature));
    }

    [Test]
    public void Malformed_signatures_are_refused()
    {
        var good = Sign(Now, Body);
        var highBits = Convert.FromHexString(good);
        highBits[63] |= 0x20;

        Assert.Multiple(() =>
        {
            Assert.That(Verifier.Verify(good[..^2], Now, Body), Is.EqualTo(WebhookRejection.MalformedSignature), "63 bytes");
            Assert.That(Verifier.Verify(good + "00", Now, Body), Is.EqualTo(WebhookRejection.MalformedSignature), "65 bytes");
            Assert.That(Verifier.Verify("zz" + good[2..], Now, Body), Is.EqualTo(WebhookRejection.MalformedSignature), "not hex");
            Assert.That(Verifier.Verify(Convert.ToHexStringLower(highBits), Now, Body), Is.EqualTo(WebhookRejection.MalformedSignature), "sig[63] & 0xE0");
        });
    }

    [TestCase("soon")]
    [TestCase("-1741880682")]
    [TestCase("1741880682.5")]
    public void A_timestamp_that_is_not_unix_seconds_is_refused(string timestamp)
    {
        Assert.That(Verifier.Verify(Sign(timestamp, Body), timestamp, Body), Is.EqualTo(WebhookRejection.MalformedTimestamp));
    }

    [TestCase(-301, WebhookRejection.StaleTimestamp)]
    [TestCase(-299, null)]
    [TestCase(299, null)]
    [TestCase(301, WebhookRejection.StaleTimestamp)]
    public void The_timestamp_must_be_within_the_tolerance_of_now(int offsetSeconds, WebhookRejection? expected)
    {
        var timestamp = (_clock.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        Assert.That(Verifier.Verify(Sign(timestamp, Body), timestamp, Body), Is.EqualTo(expected));
    }

    [Test]
    public void A_request_goes_stale_as_the_clock_moves_on()
    {
        var timestamp = Now;
        var signature = Sign(timestamp, Body);
        var verifier = Verifier;
        Assert.That(verifier.Verify(signature, timestamp, Body), Is.Null);

        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.That(verifier.Verify(signature, timestamp, Body), Is.EqualTo(WebhookRejection.StaleTimestamp));
    }

    private string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(_key.Sign(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray()));
}
