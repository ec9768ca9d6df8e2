using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Tests.OneBot;

public sealed class MessageParseTests
{
    [Test]
    public void A_string_is_a_cq_string()
    {
        var message = Message.Parse(new JValue("hi[CQ:face,id=14]"));

        Assert.That(message.ToCqString(), Is.EqualTo("hi[CQ:face,id=14]"));
        Assert.That(message[1], Is.EqualTo(new FaceSegment("14")));
    }

    [Test]
    public void Auto_escape_makes_a_string_literal_text()
    {
        var message = Message.Parse(new JValue("hi[CQ:face,id=14]&amp;"), autoEscape: true);

        Assert.That(message.Single(), Is.EqualTo(new TextSegment("hi[CQ:face,id=14]&amp;")));
        Assert.That(message.ToCqString(), Is.EqualTo("hi&#91;CQ:face,id=14&#93;&amp;amp;"));
    }

    [Test]
    public void Auto_escape_does_not_touch_arrays()
    {
        var message = Message.Parse(JToken.Parse("""[{"type":"face","data":{"id":"1"}}]"""), autoEscape: true);

        Assert.That(message.Single(), Is.EqualTo(new FaceSegment("1")));
    }

    [Test]
    public void An_array_with_data_values_of_every_json_type()
    {
        var message = Message.Parse(JToken.Parse("""
            [
              {"type":"text","data":{"text":"hi"}},
              {"type":"face","data":{"id":14}},
              {"type":"image","data":{"file":"a.png","type":null,"cache":0,"proxy":true,"timeout":1.5,"url":null}},
              {"type":"at","data":{"qq":10001}},
              {"type":"reply","data":{"id":"-7"}}
            ]
            """));

        Assert.That(message[0], Is.EqualTo(new TextSegment("hi")));
        Assert.That(message[1], Is.EqualTo(new FaceSegment("14")));
        Assert.That(message[2], Is.EqualTo(new ImageSegment("a.png") { Cache = "0", Proxy = "true", Timeout = "1.5" }));
        Assert.That(((AtSegment)message[3]).UserId, Is.EqualTo(10001));
        Assert.That(message[4], Is.EqualTo(new ReplySegment(-7)));
    }

    [Test]
    public void One_segment_object_is_a_message_of_one()
    {
        var message = Message.Parse(JToken.Parse("""{"type":"text","data":{"text":"[x]"}}"""));

        Assert.That(message.Single(), Is.EqualTo(new TextSegment("[x]")));
    }

    [Test]
    public void Missing_or_null_data_is_empty()
    {
        var message = Message.Parse(JToken.Parse("""[{"type":"dice"},{"type":"rps","data":null}]"""));

        Assert.That(message.Select(segment => segment.GetType()), Is.EqualTo(new[] { typeof(DiceSegment), typeof(RpsSegment) }));
    }

    [Test]
    public void Outgoing_data_values_are_strings()
    {
        var message = Message.Parse(JToken.Parse("""[{"type":"face","data":{"id":14}},{"type":"at","data":{"qq":10001}}]"""));

        Assert.That(message.ToJson().ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""[{"type":"face","data":{"id":"14"}},{"type":"at","data":{"qq":"10001"}}]"""));
    }

    [TestCase("123", "a message must be a CQ string, an array of segments or one segment object, got 123")]
    [TestCase("null", "a message must be a CQ string, an array of segments or one segment object, got null")]
    [TestCase("""["hi"]""", "segment 0 must be an object, got \"hi\"")]
    [TestCase("""[{"data":{}}]""", "segment 0: \"type\" must be a non-empty string, got nothing")]
    [TestCase("""[{"type":"","data":{}}]""", "segment 0: \"type\" must be a non-empty string, got \"\"")]
    [TestCase("""[{"type":"text","data":{"text":"a"}},{"type":"face","data":[1]}]""", "segment 1 (face): \"data\" must be an object, got [1]")]
    [TestCase("""[{"type":"text","data":{}}]""", "segment 0 (text): data.text is required")]
    [TestCase("""[{"type":"text","data":{"text":null}}]""", "segment 0 (text): data.text is required")]
    [TestCase("""{"type":"at","data":{"qq":"bob"}}""", "segment 0 (at): data.qq must be a user id or \"all\", got \"bob\"")]
    [TestCase("""{"type":"reply","data":{"id":"x1"}}""", "segment 0 (reply): data.id must be a 32-bit integer, got \"x1\"")]
    [TestCase("""{"type":"node","data":{"user_id":"1"}}""", "segment 0 (node): data.id or data.content is required")]
    [TestCase("""{"type":"keyboard","data":{"content":"{oops"}}""", "segment 0 (keyboard): data.content is not valid JSON")]
    [TestCase("""{"type":"keyboard","data":{"content":[1]}}""", "segment 0 (keyboard): data.content must be a JSON object, got [1]")]
    public void Invalid_messages_say_which_segment_and_what(string json, string expected)
    {
        Assert.That(
            () => Message.Parse(JToken.Parse(json)),
            Throws.TypeOf<MessageFormatException>().With.Message.StartsWith(expected));
    }

    [Test]
    public void Unknown_types_pass_through_untouched()
    {
        const string json = """{"type":"mface","data":{"id":1,"nested":{"a":[1,2]},"flag":true,"none":null,"s":"x"}}""";

        var segment = (UnknownSegment)Message.Parse(JToken.Parse(json)).Single();

        Assert.That(segment.ToJson().ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(json));
        Assert.That(segment.ToCqCode(), Is.EqualTo("[CQ:mface,id=1,nested={\"a\":&#91;1&#44;2&#93;},flag=true,s=x]"));
    }

    [Test]
    public void Unknown_data_keys_of_known_types_pass_through_after_the_known_ones()
    {
        var image = (ImageSegment)Message.Parse(JToken.Parse("""{"type":"image","data":{"summary":"[图片]","file":"a.png","sub_type":0}}""")).Single();

        Assert.That(image.File, Is.EqualTo("a.png"));
        Assert.That(image.ToJson().ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"image","data":{"file":"a.png","summary":"[图片]","sub_type":0}}"""));
        Assert.That(image.ToCqCode(), Is.EqualTo("[CQ:image,file=a.png,summary=&#91;图片&#93;,sub_type=0]"));
    }

    [Test]
    public void Node_content_may_be_an_array_a_cq_string_or_one_segment_and_accepts_go_cqhttp_names()
    {
        var message = Message.Parse(JToken.Parse("""
            [
              {"type":"node","data":{"uin":10001,"name":"A","content":[{"type":"text","data":{"text":"x"}}]}},
              {"type":"node","data":{"user_id":"2","nickname":"B","content":"y[CQ:face,id=1]"}},
              {"type":"node","data":{"user_id":"3","nickname":"C","content":{"type":"face","data":{"id":2}}}},
              {"type":"node","data":{"id":"99"}}
            ]
            """));

        var nodes = message.Cast<NodeSegment>().ToList();
        Assert.That(nodes[0].UserId, Is.EqualTo("10001"));
        Assert.That(nodes[0].Nickname, Is.EqualTo("A"));
        Assert.That(nodes[0].Content!.ToCqString(), Is.EqualTo("x"));
        Assert.That(nodes[1].Content!.ToCqString(), Is.EqualTo("y[CQ:face,id=1]"));
        Assert.That(nodes[2].Content!.Single(), Is.EqualTo(new FaceSegment("2")));
        Assert.That(nodes[3].Id, Is.EqualTo("99"));
        Assert.That(
            nodes[1].ToJson().ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"type":"node","data":{"user_id":"2","nickname":"B","content":[{"type":"text","data":{"text":"y"}},{"type":"face","data":{"id":"1"}}]}}"""));
        Assert.That(nodes[1].ToCqCode(), Is.EqualTo("[CQ:node,user_id=2,nickname=B,content=y&#91;CQ:face&#44;id=1&#93;]"));
    }

    [Test]
    public void Keyboard_content_is_an_object_given_inline_or_as_json_text()
    {
        var inline = (KeyboardSegment)Message.Parse(JToken.Parse("""{"type":"keyboard","data":{"content":{"rows":[]}}}""")).Single();
        var text = (KeyboardSegment)Message.Parse(JToken.Parse("""{"type":"keyboard","data":{"content":"{\"rows\":[]}"}}""")).Single();

        Assert.That(JToken.DeepEquals(inline.Content, text.Content), Is.True);
        Assert.That(inline.ToJson().ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"keyboard","data":{"content":{"rows":[]}}}"""));
        Assert.That(inline.ToCqCode(), Is.EqualTo("[CQ:keyboard,content={\"rows\":&#91;&#93;}]"));
        Assert.That(((KeyboardSegment)Message.FromCqString(inline.ToCqCode()).Single()).Content.ToString(), Is.EqualTo(inline.Content.ToString()));
    }

    [Test]
    public void Json_card_data_given_as_an_object_is_kept_as_its_text()
    {
        var card = (JsonSegment)Message.Parse(JToken.Parse("""{"type":"json","data":{"data":{"app":"é","v":[1]}}}""")).Single();

        Assert.That(card.Data, Is.EqualTo("""{"app":"é","v":[1]}"""));
    }

    [Test]
    public void At_targets_everyone_or_one_user()
    {
        Assert.That(AtSegment.All.IsAll, Is.True);
        Assert.That(AtSegment.All.UserId, Is.Null);
        Assert.That(new AtSegment(4294967296).UserId, Is.EqualTo(4294967296));
        Assert.That(new AtSegment(4294967296).Qq, Is.EqualTo("4294967296"));
    }

    [TestCase("https://x.example/a.png", MediaSourceKind.Url, "https://x.example/a.png")]
    [TestCase("HTTP://x.example/a.png", MediaSourceKind.Url, "HTTP://x.example/a.png")]
    [TestCase("file:///tmp/a%20b.png", MediaSourceKind.LocalFile, "/tmp/a b.png")]
    [TestCase("base64://iVBORw0KGgo=", MediaSourceKind.Base64, "iVBORw0KGgo=")]
    [TestCase("3f2a9c.image", MediaSourceKind.Name, "3f2a9c.image")]
    public void Media_file_values_are_classified(string file, MediaSourceKind kind, string value)
    {
        Assert.That(new ImageSegment(file).Source, Is.EqualTo(new MediaSource(kind, value)));
    }

    [Test]
    public void Messages_can_be_written_as_collection_expressions()
    {
        Message message = [new TextSegment("a"), new FaceSegment("1")];

        Assert.That(message.ToCqString(), Is.EqualTo("a[CQ:face,id=1]"));
        Assert.That(Message.FromText("").Count, Is.Zero);
    }
}
