using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Tests.QQ;

public sealed class CloseCodePolicyTests
{
    [TestCase(4001, "Fatal")]
    [TestCase(4002, "Fatal")]
    [TestCase(4004, "RefreshTokenThenIdentify")]
    [TestCase(4006, "Identify")]
    [TestCase(4007, "Identify")]
    [TestCase(4008, "Resume")]
    [TestCase(4009, "Resume")]
    [TestCase(4010, "Fatal")]
    [TestCase(4011, "Fatal")]
    [TestCase(4012, "Fatal")]
    [TestCase(4013, "Fatal")]
    [TestCase(4014, "Fatal")]
    [TestCase(4900, "Identify")]
    [TestCase(4907, "Identify")]
    [TestCase(4913, "Identify")]
    [TestCase(4914, "Fatal")]
    [TestCase(4915, "Fatal")]
    [TestCase(1000, "Resume")]
    [TestCase(1006, "Resume")]
    [TestCase(4003, "Resume")]
    [TestCase(4916, "Resume")]
    public void Every_close_code_maps_to_the_step_of_the_reference_table(int code, string expected) =>
        Assert.That(CloseCodePolicy.For(code).Next.ToString(), Is.EqualTo(expected));

    [Test]
    public void A_close_without_a_code_resumes() => Assert.That(CloseCodePolicy.For(null).Next, Is.EqualTo(NextStep.Resume));

    [TestCase(4001)]
    [TestCase(4002)]
    [TestCase(4010)]
    [TestCase(4011)]
    [TestCase(4012)]
    [TestCase(4013)]
    [TestCase(4914)]
    [TestCase(4915)]
    public void Every_fatal_code_says_what_to_fix(int code)
    {
        var rule = CloseCodePolicy.For(code);
        var message = CloseCodePolicy.DescribeFatal(code, "bye", ["guilds"]);

        Assert.That(rule.Fix, Is.Not.Null.And.Not.Empty);
        Assert.That(message, Does.Contain(code.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain(rule.Fix!).And.Contain("bye"));
    }

    [Test]
    public void Close_4014_names_the_intent_the_server_named()
    {
        var message = CloseCodePolicy.DescribeFatal(4014, "intent INTERACTION not authorised", ["guilds", "interaction"]);

        Assert.That(message, Does.StartWith("intent 'interaction' is not granted to this bot (close 4014"));
        Assert.That(message, Does.Contain("remove the intent from qq.intents or enable it for the bot in the QQ console"));
    }

    [Test]
    public void Close_4014_lists_the_requested_intents_when_the_reason_names_none()
    {
        var message = CloseCodePolicy.DescribeFatal(4014, "disallowed intents", ["guilds", "interaction"]);

        Assert.That(message, Does.Contain("qq.intents (guilds, interaction)"));
    }
}
