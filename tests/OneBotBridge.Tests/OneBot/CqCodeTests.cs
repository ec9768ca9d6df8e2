using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Tests.OneBot;

public sealed class CqCodeTests
{
    [TestCase("plain", "plain")]
    [TestCase("&", "&amp;")]
    [TestCase("[", "&#91;")]
    [TestCase("]", "&#93;")]
    [TestCase(",", ",")]
    [TestCase("a&b[c]d,e", "a&amp;b&#91;c&#93;d,e")]
    [TestCase("&amp;", "&amp;amp;")]
    public void Text_escapes_ampersand_and_brackets_only(string text, string expected)
    {
        Assert.That(CqCode.Escape(text), Is.EqualTo(expected));
    }

    [TestCase(",", "&#44;")]
    [TestCase("a&b[c]d,e", "a&amp;b&#91;c&#93;d&#44;e")]
    [TestCase("&#44;", "&amp;#44;")]
    public void Values_escape_commas_too(string value, string expected)
    {
        Assert.That(CqCode.EscapeValue(value), Is.EqualTo(expected));
    }

    [TestCase("&#44;&#91;&#93;&amp;", ",[]&")]
    [TestCase("&amp;#91;", "&#91;")]
    [TestCase("&amp;#44;", "&#44;")]
    [TestCase("&amp;amp;", "&amp;")]
    [TestCase("&lt;&#92;&#9", "&lt;&#92;&#9")]
    [TestCase("a & b &", "a & b &")]
    [TestCase("&&#91;amp;", "&[amp;")]
    public void Unescape_reverses_entities_and_does_ampersand_last(string escaped, string expected)
    {
        Assert.That(CqCode.Unescape(escaped), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("&amp;&#44;&#91;&#93;")]
    [TestCase("[CQ:face,id=1]")]
    [TestCase("a,b&c[d]e&&&[[]]")]
    [TestCase("你好😀 & [世界]")]
    public void Escape_and_unescape_round_trip(string text)
    {
        Assert.That(CqCode.Unescape(CqCode.Escape(text)), Is.EqualTo(text));
        Assert.That(CqCode.Unescape(CqCode.EscapeValue(text)), Is.EqualTo(text));
    }

    [Test]
    public void Text_and_codes_split_into_segments()
    {
        var message = Message.FromCqString("hello [CQ:face,id=14]world[CQ:at,qq=10001]");

        Assert.That(message.Select(segment => segment.Type), Is.EqualTo(new[] { "text", "face", "text", "at" }));
        Assert.That(message[0], Is.EqualTo(new TextSegment("hello ")));
        Assert.That(message[1], Is.EqualTo(new FaceSegment("14")));
        Assert.That(message[2], Is.EqualTo(new TextSegment("world")));
        Assert.That(((AtSegment)message[3]).UserId, Is.EqualTo(10001));
    }

    [Test]
    public void Values_with_commas_brackets_and_ampersands_are_unescaped()
    {
        var message = Message.FromCqString("[CQ:share,url=https://a.example/?x=1&amp;y=2,title=a&#44;b&#91;c&#93;&amp;#44;]");

        var share = (ShareSegment)message.Single();
        Assert.That(share.Url, Is.EqualTo("https://a.example/?x=1&y=2"));
        Assert.That(share.Title, Is.EqualTo("a,b[c]&#44;"));
    }

    [Test]
    public void Values_are_escaped_when_written()
    {
        Message message = [new ShareSegment("https://a.example/?x=1&y=2", "a,b[c]&#44;")];

        Assert.That(message.ToCqString(), Is.EqualTo("[CQ:share,url=https://a.example/?x=1&amp;y=2,title=a&#44;b&#91;c&#93;&amp;#44;]"));
    }

    [Test]
    public void Text_segments_are_plain_escaped_text_never_cq_text()
    {
        Message message = [new TextSegment("[CQ:face,id=1] & more, text")];

        var cq = message.ToCqString();

        Assert.That(cq, Is.EqualTo("&#91;CQ:face,id=1&#93; &amp; more, text"));
        Assert.That(Message.FromCqString(cq).Single(), Is.EqualTo(new TextSegment("[CQ:face,id=1] & more, text")));
    }

    [TestCase("[CQ:face,id=1")]
    [TestCase("[CQ:")]
    [TestCase("[CQ:]")]
    [TestCase("[CQ:,id=1]")]
    [TestCase("[CQ:face,id]")]
    [TestCase("[CQ:face,=1]")]
    [TestCase("[CQ:face,,id=1]")]
    [TestCase("[CQ:fa ce,id=1]")]
    [TestCase("[CQ:face;id=1]")]
    [TestCase("[cq:face,id=1]")]
    [TestCase("[not a code]")]
    public void Malformed_codes_stay_text(string cq)
    {
        var message = Message.FromCqString(cq);

        Assert.That(message.Single(), Is.EqualTo(new TextSegment(cq)));
    }

    [Test]
    public void An_unterminated_code_stays_text_and_parsing_resumes_at_the_next_code()
    {
        var message = Message.FromCqString("a[CQ:face,id=1[CQ:at,qq=2]b");

        Assert.That(message[0], Is.EqualTo(new TextSegment("a[CQ:face,id=1")));
        Assert.That(message[1], Is.EqualTo(new AtSegment("2")));
        Assert.That(message[2], Is.EqualTo(new TextSegment("b")));
        Assert.That(message, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_trailing_comma_and_an_empty_value_are_accepted()
    {
        var message = Message.FromCqString("[CQ:face,id=1,][CQ:at,qq=all,name=]");

        Assert.That(message[0], Is.EqualTo(new FaceSegment("1")));
        Assert.That(message[1], Is.EqualTo(new AtSegment("all") { Name = "" }));
    }

    [Test]
    public void Codes_without_params()
    {
        var message = Message.FromCqString("[CQ:dice][CQ:rps]");

        Assert.That(message[0], Is.TypeOf<DiceSegment>());
        Assert.That(message[1], Is.TypeOf<RpsSegment>());
        Assert.That(message.ToCqString(), Is.EqualTo("[CQ:dice][CQ:rps]"));
    }

    [Test]
    public void Unknown_types_keep_type_and_params_in_order()
    {
        const string cq = "[CQ:mface,summary=&#91;哈&#93;,emoji_id=a&#44;b,key=k&amp;v]";

        var segment = (UnknownSegment)Message.FromCqString(cq).Single();

        Assert.That(segment.Type, Is.EqualTo("mface"));
        Assert.That(segment.Data.Properties().Select(p => $"{p.Name}={p.Value}"), Is.EqualTo(new[] { "summary=[哈]", "emoji_id=a,b", "key=k&v" }));
        Assert.That(segment.ToCqCode(), Is.EqualTo(cq));
    }

    [Test]
    public void A_repeated_key_keeps_the_last_value()
    {
        Assert.That(Message.FromCqString("[CQ:face,id=1,id=2]").Single(), Is.EqualTo(new FaceSegment("2")));
    }

    [TestCase("")]
    [TestCase("just text")]
    [TestCase("你好😀[CQ:at,qq=123]，[CQ:face,id=14]&amp;&#91;&#93;")]
    [TestCase("[CQ:image,file=https://x.example/a.png?a=1&amp;b=2,type=flash,url=https://x.example/a.png]")]
    [TestCase("[CQ:reply,id=-5][CQ:at,qq=all] hi")]
    [TestCase("[CQ:record,file=base64://AAAA,magic=1][CQ:video,file=file:///tmp/v.mp4]")]
    [TestCase("[CQ:location,lat=39.8,lon=116.3,title=北京][CQ:music,type=custom,url=u,audio=a,title=t]")]
    [TestCase("[CQ:poke,type=1,id=-1][CQ:contact,type=group,id=42][CQ:forward,id=abc][CQ:xml,data=<x a=\"1\"/>]")]
    [TestCase("[CQ:json,data={\"app\":\"x\"&#44;\"v\":&#91;1&#93;}][CQ:markdown,content=# t&#44; *b*][CQ:file,file=f.txt,name=f.txt]")]
    [TestCase("[CQ:node,user_id=1,nickname=n,content=hi&#91;CQ:face&#44;id=1&#93;]")]
    public void Cq_strings_round_trip(string cq)
    {
        Assert.That(Message.FromCqString(cq).ToCqString(), Is.EqualTo(cq));
    }

    [Test]
    public void Built_messages_round_trip_through_cq()
    {
        Message message =
        [
            new TextSegment("a & b [c], d"),
            new AtSegment(10001),
            new ImageSegment("https://x.example/a.png?a=1&b=2") { Url = "https://x.example/a,b.png" },
            new ReplySegment(123),
            new TextSegment("😀\n"),
            NodeSegment.Custom("1", "n, m", [new TextSegment("inner [x]"), new FaceSegment("2")]),
        ];

        var again = Message.FromCqString(message.ToCqString());

        Assert.That(again.ToCqString(), Is.EqualTo(message.ToCqString()));
        Assert.That(again.ToJson().ToString(), Is.EqualTo(message.ToJson().ToString()));
    }

    [Test]
    public void A_known_code_with_missing_data_says_which_and_what()
    {
        Assert.That(
            () => Message.FromCqString("hi [CQ:image,url=https://x.example]"),
            Throws.TypeOf<MessageFormatException>().With.Message.EqualTo("segment 1 (image): data.file is required"));
    }
}
