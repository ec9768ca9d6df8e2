using OneBotBridge.QQ;

namespace OneBotBridge.Tests.QQ;

public sealed class IntentsTests
{
    [TestCase("guilds", 1L << 0)]
    [TestCase("guild_members", 1L << 1)]
    [TestCase("guild_messages", 1L << 9)]
    [TestCase("guild_message_reactions", 1L << 10)]
    [TestCase("direct_message", 1L << 12)]
    [TestCase("group_and_c2c_event", 1L << 25)]
    [TestCase("interaction", 1L << 26)]
    [TestCase("message_audit", 1L << 27)]
    [TestCase("forums_event", 1L << 28)]
    [TestCase("audio_action", 1L << 29)]
    [TestCase("public_guild_messages", 1L << 30)]
    [TestCase("GROUP_AND_C2C_EVENT", 1L << 25)]
    public void Each_name_has_the_bit_of_the_reference(string name, long bit) =>
        Assert.That(Intents.Resolve([name]), Is.EqualTo(bit));

    [Test]
    public void Names_are_ored_together() =>
        Assert.That(Intents.Resolve(["guilds", "public_guild_messages", "group_and_c2c_event"]), Is.EqualTo((1L << 0) | (1L << 30) | (1L << 25)));

    [Test]
    public void An_unknown_name_is_a_clear_error()
    {
        var error = Assert.Throws<QQFatalException>(() => Intents.Resolve(["guilds", "group_messages"]));

        Assert.That(error!.Message, Does.Contain("qq.intents").And.Contain("'group_messages'").And.Contain("group_and_c2c_event"));
    }
}
