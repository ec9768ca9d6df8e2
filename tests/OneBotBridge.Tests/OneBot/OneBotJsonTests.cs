using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.OneBot;

/// <summary>Expected strings are what JavaScript's JSON.stringify writes for the same values.</summary>
public sealed class OneBotJsonTests
{
    [Test]
    public void Short_escapes_for_quote_backslash_and_the_five_named_controls()
    {
        Assert.That(OneBotJson.Stringify("q\"b\\\b\f\n\r\t"), Is.EqualTo("\"q\\\"b\\\\\\b\\f\\n\\r\\t\""));
    }

    [Test]
    public void Other_control_characters_as_lowercase_hex()
    {
        Assert.That(OneBotJson.Stringify("\u0000\u0001\u000b\u001b\u001f"), Is.EqualTo("\"\\u0000\\u0001\\u000b\\u001b\\u001f\""));
    }

    [Test]
    public void Del_nel_and_line_separators_stay_raw()
    {
        Assert.That(OneBotJson.Stringify("\u007f\u0085\u2028\u2029"), Is.EqualTo("\"\u007f\u0085\u2028\u2029\""));
    }

    [Test]
    public void Non_ascii_and_emoji_stay_raw_in_utf8()
    {
        var bytes = OneBotJson.Serialize(new JValue("é你好😀"));

        Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetBytes("\"é你好😀\"")));
    }

    // Lone surrogates can be neither attribute arguments (stored as UTF-8) nor parts of a test's
    // name (the runner silently drops such tests), so the cases are built here with ASCII names.
    private static readonly TestCaseData[] SurrogateCases =
    [
        new TestCaseData("\ud800", "\"\\ud800\"").SetArgDisplayNames("lone high"),
        new TestCaseData("a\udc00b", "\"a\\udc00b\"").SetArgDisplayNames("lone low"),
        new TestCaseData("\ude00\ud83d", "\"\\ude00\\ud83d\"").SetArgDisplayNames("reversed pair"),
        new TestCaseData("\ud83d\ud83d\ude00", "\"\\ud83d\ud83d\ude00\"").SetArgDisplayNames("high before a pair"),
    ];

    [TestCaseSource(nameof(SurrogateCases))]
    public void Lone_surrogates_are_escaped_pairs_are_not(string value, string expected)
    {
        Assert.That(OneBotJson.Stringify(value), Is.EqualTo(expected));
        Assert.That(OneBotJson.Serialize(new JValue(value)), Is.EqualTo(Encoding.UTF8.GetBytes(expected)));
    }

    [TestCase(1.0, "1")]
    [TestCase(100.0, "100")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(0.1, "0.1")]
    [TestCase(-0.0, "0")]
    [TestCase(0.000001, "0.000001")]
    [TestCase(1e-7, "1e-7")]
    [TestCase(1.5e-7, "1.5e-7")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(123456789012345680000.0, "123456789012345680000")]
    [TestCase(1e21, "1e+21")]
    [TestCase(1.25e22, "1.25e+22")]
    [TestCase(5e-324, "5e-324")]
    [TestCase(1.7976931348623157e308, "1.7976931348623157e+308")]
    [TestCase(double.NaN, "null")]
    [TestCase(double.PositiveInfinity, "null")]
    public void Numbers_as_javascript_prints_them(double value, string expected)
    {
        Assert.That(OneBotJson.Stringify(new JValue(value)), Is.EqualTo(expected));
    }

    [Test]
    public void Compact_objects_and_arrays_with_escaped_keys()
    {
        var token = JToken.Parse("""{"a":[1,true,null,"x",{}],"b":{"c":1.50},"k\u2028\"":[]}""");

        Assert.That(OneBotJson.Stringify(token), Is.EqualTo("{\"a\":[1,true,null,\"x\",{}],\"b\":{\"c\":1.5},\"k\u2028\\\"\":[]}"));
    }

    [Test]
    public void Reparsed_json_serializes_to_the_same_bytes()
    {
        const string sent = "{\"text\":\"é😀\u2028\\n\\u0001\",\"n\":-12,\"f\":0.5}";

        var again = OneBotJson.Serialize(OneBotJson.Parse(Encoding.UTF8.GetBytes(sent)));

        Assert.That(Encoding.UTF8.GetString(again), Is.EqualTo(sent));
    }

    [Test]
    public void Parse_keeps_date_like_strings_as_strings()
    {
        var token = OneBotJson.Parse("""{"at":"2024-01-01T00:00:00Z"}"""u8);

        Assert.That(token["at"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That((string)token["at"]!, Is.EqualTo("2024-01-01T00:00:00Z"));
    }

    [Test]
    public void Parse_skips_a_byte_order_mark()
    {
        var token = OneBotJson.Parse([0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8]);

        Assert.That((int)token["a"]!, Is.EqualTo(1));
    }

    [TestCase("{\"a\":1} x")]
    [TestCase("{\"a\":1}{}")]
    [TestCase("{\"a\":")]
    [TestCase("")]
    public void Parse_rejects_invalid_or_trailing_json(string json)
    {
        Assert.That(() => OneBotJson.Parse(Encoding.UTF8.GetBytes(json)), Throws.InstanceOf<JsonReaderException>());
    }
}
