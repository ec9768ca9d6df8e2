using OneBotBridge.Configuration.Values;

namespace OneBotBridge.Tests.Host;

public sealed class DurationSyntaxTests
{
    [TestCase("500ms", 500)]
    [TestCase("5s", 5_000)]
    [TestCase("2m", 120_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("1m30s", 90_000)]
    [TestCase("1h2m3s4ms", 3_723_004)]
    [TestCase("0", 0)]
    [TestCase("0s", 0)]
    [TestCase(" 3s ", 3_000)]
    public void Parses(string text, long milliseconds)
    {
        Assert.That(DurationSyntax.TryParse(text, out var duration, out var error), Is.True, error);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("5x", "is not a duration (use 500ms, 5s, 2m)")]
    [TestCase("5", "has no unit (write 5ms or 5s)")]
    [TestCase("5000", "has no unit")]
    [TestCase("-1s", "negative")]
    [TestCase("s", "is not a duration")]
    [TestCase("5 s", "is not a duration")]
    [TestCase("5S", "is not a duration")]
    [TestCase("1d", "is not a duration")]
    [TestCase("", "is not a duration")]
    [TestCase("99999999999999h", "too long")]
    public void Refuses(string text, string expected)
    {
        Assert.That(DurationSyntax.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(expected));
    }

    [TestCase(0, "0")]
    [TestCase(500, "500ms")]
    [TestCase(5_000, "5s")]
    [TestCase(90_000, "1m30s")]
    [TestCase(7_200_000, "2h")]
    public void Formats_to_text_that_parses_back(long milliseconds, string expected)
    {
        var text = DurationSyntax.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.That(text, Is.EqualTo(expected));
        Assert.That(DurationSyntax.TryParse(text, out var back, out _), Is.True);
        Assert.That(back, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
