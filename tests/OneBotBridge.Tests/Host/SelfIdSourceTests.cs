using OneBotBridge.Hosting;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Tests.Host;

public sealed class SelfIdSourceTests
{
    [Test]
    public void A_configured_self_id_wins()
    {
        var source = SelfIdSource.From(new OneBotOptions { SelfId = 42 }, new QQOptions { AppId = "102000001" });

        Assert.That(source, Is.EqualTo(new SelfIdSource(42, "onebot.self_id")));
    }

    [Test]
    public void Otherwise_the_numeric_app_id_is_the_self_id()
    {
        var source = SelfIdSource.From(new OneBotOptions(), new QQOptions { AppId = "102000001" });

        Assert.That(source, Is.EqualTo(new SelfIdSource(102000001, "the bot's app id")));
    }

    [TestCase("bot-app")]
    [TestCase("")]
    [TestCase("9007199254740993")]
    [TestCase("-5")]
    public void An_app_id_that_is_no_usable_number_gives_a_stable_hash_below_2_31(string appId)
    {
        var first = SelfIdSource.From(new OneBotOptions(), new QQOptions { AppId = appId });
        var second = SelfIdSource.From(new OneBotOptions(), new QQOptions { AppId = appId });

        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.SelfId, Is.InRange(10_000L, int.MaxValue));
        Assert.That(first.Origin, Does.Contain("hash"));
    }

    [Test]
    public void Different_app_ids_hash_to_different_self_ids() =>
        Assert.That(
            SelfIdSource.From(new OneBotOptions(), new QQOptions { AppId = "bot-a" }).SelfId,
            Is.Not.EqualTo(SelfIdSource.From(new OneBotOptions(), new QQOptions { AppId = "bot-b" }).SelfId));
}
