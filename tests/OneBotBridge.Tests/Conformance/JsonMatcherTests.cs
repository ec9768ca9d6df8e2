using Newtonsoft.Json.Linq;
using OneBotBridge.Conformance;

namespace OneBotBridge.Tests.Conformance;

public sealed class JsonMatcherTests
{
    private static readonly Dictionary<string, long> NoIds = [];

    private static string? Mismatch(string expected, string actual, IReadOnlyDictionary<string, long>? ids = null) =>
        JsonMatcher.FirstMismatch(JToken.Parse(expected), JToken.Parse(actual), ids ?? NoIds);

    [Test]
    public void Objects_match_as_subsets()
    {
        Assert.That(Mismatch("""{"a":1}""", """{"a":1,"b":2}"""), Is.Null);
        Assert.That(Mismatch("""{"a":{"x":"y"}}""", """{"a":{"x":"z"}}"""), Is.EqualTo("""at $.a.x: expected "y" got "z" """.TrimEnd()));
        Assert.That(Mismatch("""{"c":1}""", """{"a":1}"""), Does.StartWith("at $.c: expected 1 got nothing"));
    }

    [Test]
    public void Arrays_match_in_length_and_order()
    {
        Assert.That(Mismatch("[1,2]", "[1,2]"), Is.Null);
        Assert.That(Mismatch("[1,2]", "[2,1]"), Is.EqualTo("at $[0]: expected 1 got 2"));
        Assert.That(Mismatch("[1]", "[1,2]"), Does.StartWith("at $: expected 1 element(s)"));
        Assert.That(Mismatch("""[{"a":1}]""", """[{"a":1,"b":0}]"""), Is.Null);
    }

    [Test]
    public void Any_placeholders_check_presence_and_type()
    {
        Assert.That(Mismatch("""{"a":"$any"}""", """{"a":null}"""), Is.Null);
        Assert.That(Mismatch("""{"a":"$any:int"}""", """{"a":5}"""), Is.Null);
        Assert.That(Mismatch("""{"a":"$any:int"}""", """{"a":"5"}"""), Is.EqualTo("""at $.a: expected "$any:int" got "5" """.TrimEnd()));
        Assert.That(Mismatch("""{"a":"$any:string"}""", """{"a":"x"}"""), Is.Null);
        Assert.That(Mismatch("""{"a":"$any"}""", """{}"""), Does.StartWith("at $.a: expected \"$any\" got nothing"));
    }

    [Test]
    public void Absent_requires_the_key_to_be_missing()
    {
        Assert.That(Mismatch("""{"a":"$absent"}""", """{"b":1}"""), Is.Null);
        Assert.That(Mismatch("""{"a":"$absent"}""", """{"a":null}"""), Is.EqualTo("at $.a: expected $absent got null"));
    }

    [Test]
    public void Id_placeholders_match_the_assigned_number_or_its_text()
    {
        var ids = new Dictionary<string, long> { ["$user:ABC"] = 12345 };
        Assert.That(Mismatch("""{"u":"$user:ABC"}""", """{"u":12345}""", ids), Is.Null);
        Assert.That(Mismatch("""{"u":"$user:ABC"}""", """{"u":"12345"}""", ids), Is.Null);
        Assert.That(Mismatch("""{"u":"$user:ABC"}""", """{"u":1}""", ids), Is.EqualTo("at $.u: expected $user:ABC (= 12345) got 1"));
        Assert.That(Mismatch("""{"g":"$group:NOPE"}""", """{"g":1}""", ids), Is.EqualTo("at $.g: expected $group:NOPE (an id the bridge has not assigned) got 1"));
    }
}
