using OneBotBridge.Security;

namespace OneBotBridge.Tests.Host;

public sealed class RedactTests
{
    [Test]
    public void Scrub_masks_every_occurrence_of_every_secret() =>
        Assert.That(Redact.Scrub("a=abc, b=abcdef, again abc", ["abc", "abcdef", ""]), Is.EqualTo("a=***, b=***, again ***"));

    [Test]
    public void Url_drops_user_info_and_query() =>
        Assert.That(Redact.Url("ws://user:pw@127.0.0.1:8080/onebot/v11/ws?access_token=t"), Is.EqualTo("ws://127.0.0.1:8080/onebot/v11/ws"));

    [TestCase("", "not set")]
    [TestCase(null, "not set")]
    [TestCase("x", "set")]
    public void Presence_says_only_whether_a_secret_is_set(string? secret, string expected) =>
        Assert.That(Redact.Presence(secret), Is.EqualTo(expected));
}
