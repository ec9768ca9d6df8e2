using System.Runtime.InteropServices;
using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Events;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Tests.OneBot;

public sealed class EventEncoderTests
{
    private static readonly string[] NoneBotMessageFields =
        ["time", "self_id", "post_type", "message_type", "sub_type", "message_id", "user_id", "message", "raw_message", "font", "sender"];

    [Test]
    public void A_private_message_in_both_formats()
    {
        var encoded = EventEncoder.Encode(new PrivateMessageEvent
        {
            Time = 1515204254,
            SelfId = 10001000,
            MessageId = 12,
            UserId = 12345678,
            Message = [new TextSegment("hi & [you] "), new FaceSegment("14")],
            Sender = new PrivateSender(12345678, "Alice"),
        });

        Assert.That(Text(encoded, MessageFormat.Array), Is.EqualTo(
            """{"time":1515204254,"self_id":10001000,"post_type":"message","message_type":"private","sub_type":"friend","message_id":12,"user_id":12345678,"message":[{"type":"text","data":{"text":"hi & [you] "}},{"type":"face","data":{"id":"14"}}],"raw_message":"hi &amp; &#91;you&#93; [CQ:face,id=14]","font":0,"sender":{"user_id":12345678,"nickname":"Alice","sex":"unknown","age":0}}"""));
        Assert.That(Text(encoded, MessageFormat.String), Is.EqualTo(
            """{"time":1515204254,"self_id":10001000,"post_type":"message","message_type":"private","sub_type":"friend","message_id":12,"user_id":12345678,"message":"hi &amp; &#91;you&#93; [CQ:face,id=14]","raw_message":"hi &amp; &#91;you&#93; [CQ:face,id=14]","font":0,"sender":{"user_id":12345678,"nickname":"Alice","sex":"unknown","age":0}}"""));
    }

    [Test]
    public void A_group_message_has_every_field_nonebot_requires_plus_group_id_and_anonymous_null()
    {
        var encoded = EventEncoder.Encode(GroupMessage());

        foreach (var format in new[] { MessageFormat.Array, MessageFormat.String })
        {
            var json = JObject.Parse(Text(encoded, format));
            Assert.That(json.Properties().Select(p => p.Name), Is.SupersetOf(NoneBotMessageFields.Append("group_id").Append("anonymous")));
            Assert.That(json["anonymous"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((long)json["group_id"]!, Is.EqualTo(20002));
            Assert.That((string)json["sub_type"]!, Is.EqualTo("normal"));
            Assert.That((string)json["raw_message"]!, Is.EqualTo("[CQ:at,qq=10001000] 你好😀"));
        }
    }

    [Test]
    public void Group_sender_and_extension_fields()
    {
        var encoded = EventEncoder.Encode(GroupMessage() with { Extra = [new("guild_id", "g1"), new("group_name", "测试")] });

        Assert.That(Text(encoded, MessageFormat.Array), Does.EndWith(
            ""","sender":{"user_id":30003,"nickname":"Bob","card":"B","sex":"unknown","age":0,"area":"","level":"","role":"admin","title":""},"group_id":20002,"anonymous":null,"guild_id":"g1","group_name":"测试"}"""));
    }

    [Test]
    public void Message_events_are_written_once_per_format_and_others_once_in_all()
    {
        var message = EventEncoder.Encode(GroupMessage());
        var lifecycle = EventEncoder.Encode(new LifecycleEvent { Time = 1, SelfId = 2, SubType = LifecycleEvent.Connect });

        Assert.That(ArrayOf(message, MessageFormat.Array), Is.Not.SameAs(ArrayOf(message, MessageFormat.String)));
        Assert.That(ArrayOf(lifecycle, MessageFormat.Array), Is.SameAs(ArrayOf(lifecycle, MessageFormat.String)));
    }

    [Test]
    public void Non_ascii_emoji_and_line_separators_are_raw_utf8()
    {
        var encoded = EventEncoder.Encode(GroupMessage() with { Message = [new TextSegment("é😀\u2028\n")] });

        var bytes = encoded.For(MessageFormat.String).ToArray();
        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("\"message\":\"é😀\u2028\\n\""));
        Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes))), "valid UTF-8");
    }

    [Test]
    public void Lifecycle_connect_as_nonebot_expects_it()
    {
        var encoded = EventEncoder.Encode(new LifecycleEvent { Time = 1700000000, SelfId = 10001, SubType = LifecycleEvent.Connect });

        Assert.That(Text(encoded, MessageFormat.Array), Is.EqualTo(
            """{"time":1700000000,"self_id":10001,"post_type":"meta_event","meta_event_type":"lifecycle","sub_type":"connect"}"""));
    }

    [Test]
    public void Heartbeat_carries_the_status_and_interval()
    {
        var state = new BotState { Online = true, Good = false };

        var encoded = EventEncoder.Encode(new HeartbeatEvent { Time = 1700000000, SelfId = 10001, Status = BotStatus.Of(state), Interval = 5000 });

        Assert.That(Text(encoded, MessageFormat.String), Is.EqualTo(
            """{"time":1700000000,"self_id":10001,"post_type":"meta_event","meta_event_type":"heartbeat","status":{"online":true,"good":false},"interval":5000}"""));
    }

    [Test]
    public void Notices()
    {
        Assert.That(Text(EventEncoder.Encode(new GroupRecallNotice { Time = 1, SelfId = 2, GroupId = 3, UserId = 4, OperatorId = 5, MessageId = -6 }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"notice","notice_type":"group_recall","group_id":3,"user_id":4,"operator_id":5,"message_id":-6}"""));
        Assert.That(Text(EventEncoder.Encode(new GroupIncreaseNotice { Time = 1, SelfId = 2, SubType = "invite", GroupId = 3, OperatorId = 4, UserId = 2 }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"notice","notice_type":"group_increase","sub_type":"invite","group_id":3,"operator_id":4,"user_id":2}"""));
        Assert.That(Text(EventEncoder.Encode(new PokeNotice { Time = 1, SelfId = 2, UserId = 3, TargetId = 2 }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"notice","notice_type":"notify","sub_type":"poke","user_id":3,"target_id":2}"""));
        Assert.That(Text(EventEncoder.Encode(new GroupUploadNotice { Time = 1, SelfId = 2, GroupId = 3, UserId = 4, File = new UploadedFile("f1", "a.txt", 10, 102) }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"notice","notice_type":"group_upload","group_id":3,"user_id":4,"file":{"id":"f1","name":"a.txt","size":10,"busid":102}}"""));
        Assert.That(Text(EventEncoder.Encode(new ExtensionNotice("qq_interaction") { Time = 1, SelfId = 2, Extra = [new("button_id", "b1")] }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"notice","notice_type":"qq_interaction","button_id":"b1"}"""));
    }

    [Test]
    public void Requests()
    {
        Assert.That(Text(EventEncoder.Encode(new GroupRequest { Time = 1, SelfId = 2, SubType = "invite", GroupId = 3, UserId = 4, Flag = "f" }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"request","request_type":"group","sub_type":"invite","group_id":3,"user_id":4,"comment":"","flag":"f"}"""));
        Assert.That(Text(EventEncoder.Encode(new FriendRequest { Time = 1, SelfId = 2, UserId = 4, Comment = "hi", Flag = "f" }), MessageFormat.Array),
            Is.EqualTo("""{"time":1,"self_id":2,"post_type":"request","request_type":"friend","user_id":4,"comment":"hi","flag":"f"}"""));
    }

    private static GroupMessageEvent GroupMessage() => new()
    {
        Time = 1700000000,
        SelfId = 10001000,
        MessageId = 7,
        GroupId = 20002,
        UserId = 30003,
        Message = [new AtSegment(10001000), new TextSegment(" 你好😀")],
        Sender = new GroupSender(30003, "Bob") { Card = "B", Role = "admin" },
    };

    private static string Text(EncodedEvent encoded, MessageFormat format) => Encoding.UTF8.GetString(encoded.For(format).Span);

    private static byte[] ArrayOf(EncodedEvent encoded, MessageFormat format) =>
        MemoryMarshal.TryGetArray(encoded.For(format), out var segment) ? segment.Array! : throw new AssertionException("not array-backed");
}
