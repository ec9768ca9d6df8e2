using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Tests.OneBot;

public sealed class ActionParamsTests
{
    [TestCase("""{"user_id":123}""", 123L)]
    [TestCase("""{"user_id":"123"}""", 123L)]
    [TestCase("""{"user_id":" 123 "}""", 123L)]
    [TestCase("""{"user_id":"-5"}""", -5L)]
    [TestCase("""{"user_id":123.0}""", 123L)]
    [TestCase("""{"user_id":"9007199254740993"}""", 9007199254740993L)]
    public void Integers_from_numbers_or_strings(string json, long expected)
    {
        Assert.That(Params(json).GetInt64("user_id"), Is.EqualTo(expected));
    }

    [TestCase("""{"user_id":"abc"}""", "param \"user_id\" must be an integer, got \"abc\"")]
    [TestCase("""{"user_id":1.5}""", "param \"user_id\" must be an integer, got 1.5")]
    [TestCase("""{"user_id":true}""", "param \"user_id\" must be an integer, got true")]
    [TestCase("""{"user_id":[1]}""", "param \"user_id\" must be an integer, got [1]")]
    [TestCase("""{"user_id":99999999999999999999}""", "param \"user_id\" is out of range for a 64-bit integer: 99999999999999999999")]
    [TestCase("""{}""", "param \"user_id\" is required")]
    [TestCase("""{"user_id":null}""", "param \"user_id\" is required")]
    public void Bad_integers_are_1400_naming_the_param(string json, string message)
    {
        Assert.That(
            () => Params(json).GetInt64("user_id"),
            Throws.TypeOf<ActionFailedException>()
                .With.Property(nameof(ActionFailedException.Retcode)).EqualTo(Retcode.BadRequest)
                .And.Message.EqualTo(message));
    }

    [Test]
    public void Optional_integers_and_32_bit_range()
    {
        Assert.That(Params("""{}""").GetOptionalInt64("group_id"), Is.Null);
        Assert.That(Params("""{"message_id":"-2147483648"}""").GetInt32("message_id"), Is.EqualTo(int.MinValue));
        Assert.That(
            () => Params("""{"message_id":2147483648}""").GetInt32("message_id"),
            Throws.TypeOf<ActionFailedException>().With.Message.EqualTo("param \"message_id\" must be a 32-bit integer, got 2147483648"));
    }

    [TestCase("true", true)]
    [TestCase("\"true\"", true)]
    [TestCase("\"True\"", true)]
    [TestCase("1", true)]
    [TestCase("\"1\"", true)]
    [TestCase("\"yes\"", true)]
    [TestCase("false", false)]
    [TestCase("\"false\"", false)]
    [TestCase("0", false)]
    [TestCase("\"0\"", false)]
    [TestCase("\"no\"", false)]
    public void Booleans_in_every_spelling(string value, bool expected)
    {
        Assert.That(Params($$"""{"auto_escape":{{value}}}""").GetBoolean("auto_escape", !expected), Is.EqualTo(expected));
    }

    [TestCase("""{}""", true)]
    [TestCase("""{"auto_escape":null}""", true)]
    public void Missing_booleans_take_the_default(string json, bool expected)
    {
        Assert.That(Params(json).GetBoolean("auto_escape", defaultValue: true), Is.EqualTo(expected));
    }

    [TestCase("2")]
    [TestCase("\"maybe\"")]
    [TestCase("1.0")]
    [TestCase("{}")]
    public void Other_booleans_are_1400(string value)
    {
        Assert.That(
            () => Params($$"""{"auto_escape":{{value}}}""").GetBoolean("auto_escape", false),
            Throws.TypeOf<ActionFailedException>().With.Message.StartWith("param \"auto_escape\" must be a boolean (true/false, 1/0, yes/no), got "));
    }

    [TestCase("\"x\"", "x")]
    [TestCase("123", "123")]
    [TestCase("0.5", "0.5")]
    [TestCase("true", "true")]
    public void Strings_accept_scalars(string value, string expected)
    {
        Assert.That(Params($$"""{"flag":{{value}}}""").GetString("flag"), Is.EqualTo(expected));
    }

    [Test]
    public void Strings_reject_objects()
    {
        Assert.That(
            () => Params("""{"flag":{"a":1}}""").GetString("flag"),
            Throws.TypeOf<ActionFailedException>().With.Message.EqualTo("param \"flag\" must be a string, got {\"a\":1}"));
    }

    [Test]
    public void Messages_in_all_three_shapes()
    {
        Assert.That(Params("""{"message":"a[CQ:face,id=1]"}""").GetMessage().Count, Is.EqualTo(2));
        Assert.That(Params("""{"message":[{"type":"text","data":{"text":"a"}}]}""").GetMessage().ToCqString(), Is.EqualTo("a"));
        Assert.That(Params("""{"message":{"type":"face","data":{"id":1}}}""").GetMessage().ToCqString(), Is.EqualTo("[CQ:face,id=1]"));
        Assert.That(Params("""{"message":"[CQ:face,id=1]","auto_escape":"yes"}""").GetMessage().ToCqString(), Is.EqualTo("&#91;CQ:face,id=1&#93;"));
    }

    private static ActionParams Params(string json) => new(JObject.Parse(json));
}
