using OneBotBridge.Core.Inbound;

namespace OneBotBridge.Tests.Core;

public sealed class QQContentParserTests
{
    private static readonly ContentPiece Everyone = new ContentPiece.MentionEveryone();

    private static IReadOnlyList<ContentPiece> Parse(string content, string? botMention = null) => QQContentParser.Parse(content, botMention);

    private static ContentPiece Text(string value) => new ContentPiece.Text(value);

    private static ContentPiece Mention(string userId) => new ContentPiece.Mention(userId);

    private static ContentPiece Face(string id) => new ContentPiece.Face(id);

    [Test]
    public void Text_is_entity_decoded()
    {
        Assert.That(Parse("a &lt;b&gt; &amp;lt; c"), Is.EqualTo(new[] { Text("a <b> &lt; c") }));
    }

    [Test]
    public void Mentions_in_every_written_form_split_the_text()
    {
        Assert.That(
            Parse("<@!123>hi <@abc_DEF-9> and <qqbot-at-user id=\"A&amp;B\" /><qqbot-at-user  id=\"X\"/>."),
            Is.EqualTo(new[] { Mention("123"), Text("hi "), Mention("abc_DEF-9"), Text(" and "), Mention("A&B"), Mention("X"), Text(".") }));
    }

    [Test]
    public void Everyone_is_mentioned_by_either_form()
    {
        Assert.That(Parse("@everyone hi <qqbot-at-everyone />"), Is.EqualTo(new[] { Everyone, Text(" hi "), Everyone }));
    }

    [Test]
    public void Faces_are_read_from_both_syntaxes()
    {
        Assert.That(
            Parse("<faceType=1,faceId=\"277\",ext=\"eyJ0ZXh0Ijoi\">x<faceType=2,faceId=13><emoji:4><faceType=1,faceId=\"\",faceId=5>"),
            Is.EqualTo(new[] { Face("277"), Text("x"), Face("13"), Face("4"), Face("5") }));
    }

    [Test]
    public void A_face_without_an_id_and_other_angle_brackets_stay_text()
    {
        Assert.That(
            Parse("x<faceType=1,ext=\"e\">y 1 < 2 <b> <@> <emoji:a>"),
            Is.EqualTo(new[] { Text("x<faceType=1,ext=\"e\">y 1 < 2 <b> <@> <emoji:a>") }));
    }

    [Test]
    public void The_space_left_by_the_removed_at_bot_is_trimmed_and_a_leading_at_bot_dropped()
    {
        Assert.That(Parse(" \u00A0hello "), Is.EqualTo(new[] { Text("hello ") }));
        Assert.That(Parse("<@!bot> hi <@!bot>", botMention: "bot"), Is.EqualTo(new[] { Text("hi "), Mention("bot") }));
        Assert.That(Parse("<@!other> hi", botMention: "bot"), Is.EqualTo(new[] { Mention("other"), Text(" hi") }));
        Assert.That(Parse("  "), Is.Empty);
    }
}
