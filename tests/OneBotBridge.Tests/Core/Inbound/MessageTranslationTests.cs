using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.Core.Inbound;

public sealed class MessageTranslationTests
{
    private const string Group = "D4DE01234567890ABCDEF01234562B91";
    private const string Member = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7";

    private static string GroupAt(string id, string content, string extra = "") => $$"""
        {"id":"{{id}}","content":{{Newtonsoft.Json.JsonConvert.ToString(content)}},"timestamp":"2025-02-15T16:35:23+08:00",
         "author":{"id":"{{Member}}","member_openid":"{{Member}}","union_openid":"{{Member}}","member_role":"admin","username":"Alice"},
         "group_id":"{{Group}}","group_openid":"{{Group}}","message_scene":{"source":"default","callback_data":""},"message_type":0,"attachments":[]{{extra}}}
        """;

    [Test]
    public async Task A_group_at_message_carries_every_field_NoneBot_requires_in_both_formats()
    {
        var scenario = await InboundScenario.CreateAsync();

        var oneBotEvent = await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE", GroupAt("ROBOT1.0_DPLMsS1ni5abc!", " 123"));

        var array = InboundScenario.Json(oneBotEvent!);
        var cq = InboundScenario.Json(oneBotEvent!, MessageFormat.String);
        var user = scenario.Number(IdKind.MemberOpenId, Member);
        Assert.Multiple(() =>
        {
            Assert.That((long?)array["time"], Is.EqualTo(DateTimeOffset.Parse("2025-02-15T16:35:23+08:00").ToUnixTimeSeconds()));
            Assert.That((long?)array["self_id"], Is.EqualTo(InboundScenario.SelfId));
            Assert.That((string?)array["post_type"], Is.EqualTo("message"));
            Assert.That((string?)array["message_type"], Is.EqualTo("group"));
            Assert.That((string?)array["sub_type"], Is.EqualTo("normal"));
            Assert.That((int?)array["message_id"], Is.Positive);
            Assert.That((long?)array["user_id"], Is.EqualTo(user));
            Assert.That((long?)array["group_id"], Is.EqualTo(scenario.Number(IdKind.GroupOpenId, Group)));
            Assert.That(array["message"], Is.EqualTo(JArray.Parse("""[{"type":"text","data":{"text":"123"}}]""")).Using<JToken>(JToken.DeepEquals));
            Assert.That((string?)array["raw_message"], Is.EqualTo("123"));
            Assert.That((int?)array["font"], Is.EqualTo(0));
            Assert.That(array["anonymous"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((string?)array["sender"]!["role"], Is.EqualTo("admin"));
            Assert.That((string?)array["sender"]!["nickname"], Is.EqualTo("Alice"));
            Assert.That((string?)cq["message"], Is.EqualTo("123"));
        });
    }

    [Test]
    public async Task A_message_is_remembered_for_replies_get_msg_and_the_roster()
    {
        var scenario = await InboundScenario.CreateAsync();

        var oneBotEvent = InboundScenario.Json((await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE", GroupAt("ROBOT1.0_r1", " hi")))!);

        var target = ChatTarget.Group(scenario.Number(IdKind.GroupOpenId, Group));
        var user = scenario.Number(IdKind.MemberOpenId, Member);
        var selection = await scenario.State.Replies.SelectAsync(target, user, null, CancellationToken.None);
        var stored = await scenario.State.Messages.FindAsync((int)oneBotEvent["message_id"]!, CancellationToken.None);
        Assert.That(selection.Context?.MsgId, Is.EqualTo("ROBOT1.0_r1"));
        Assert.That(stored?.PlatformMessageId, Is.EqualTo("ROBOT1.0_r1"));
        Assert.That(scenario.State.Roster.FindMember(target, user)?.Nickname, Is.EqualTo("Alice"));
    }

    [Test]
    public async Task The_same_message_delivered_twice_reaches_frameworks_once()
    {
        var scenario = await InboundScenario.CreateAsync();

        var first = await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE", GroupAt("ROBOT1.0_twice", " hi"));
        var again = await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE", GroupAt("ROBOT1.0_twice", " hi"));
        var sameEvent = await scenario.TranslateAsync("GROUP_ADD_ROBOT", $$"""{"timestamp":1741880682,"group_openid":"{{Group}}","op_member_openid":"{{Member}}"}""", "GROUP_ADD_ROBOT:x");
        var sameEventAgain = await scenario.TranslateAsync("GROUP_ADD_ROBOT", $$"""{"timestamp":1741880682,"group_openid":"{{Group}}","op_member_openid":"{{Member}}"}""", "GROUP_ADD_ROBOT:x");

        Assert.That(first, Is.Not.Null);
        Assert.That(again, Is.Null);
        Assert.That(sameEvent, Is.Not.Null);
        Assert.That(sameEventAgain, Is.Null);
    }

    [Test]
    public async Task Mentions_faces_entities_and_attachments_become_segments()
    {
        var scenario = await InboundScenario.CreateAsync();
        const string other = "0A0B0C0D0E0F00112233445566778899";
        var content = $"\u00A0a &amp; b &lt;c&gt; <qqbot-at-user id=\"{other}\" /> <faceType=1,faceId=\"277\",ext=\"eyJ0ZXh0Ijoi5rGq5rGqIn0=\"> <qqbot-at-everyone />";
        var attachments = ""","attachments":[{"url":"multimedia.nt.qq.com.cn/download?x=1","filename":"B43A.jpg","content_type":"image/jpeg"},{"url":"https://v/a.silk","filename":"a.silk","content_type":"voice"},{"url":"https://v/v.mp4","filename":"v.mp4","content_type":"video/mp4"},{"url":"https://v/f.zip","filename":"f.zip","content_type":"file"}]""";
        var d = GroupAt("ROBOT1.0_m", content).Replace(""","attachments":[]""", attachments, StringComparison.Ordinal);

        var json = InboundScenario.Json((await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE", d))!);

        var otherNumber = scenario.Number(IdKind.MemberOpenId, other);
        Assert.That((string?)json["raw_message"], Is.EqualTo(
            $"a &amp; b <c> [CQ:at,qq={otherNumber}] [CQ:face,id=277] [CQ:at,qq=all]" +
            "[CQ:image,file=B43A.jpg,url=https://multimedia.nt.qq.com.cn/download?x=1]" +
            "[CQ:record,file=a.silk,url=https://v/a.silk][CQ:video,file=v.mp4,url=https://v/v.mp4]" +
            "[CQ:file,file=f.zip,name=f.zip,url=https://v/f.zip]"));
    }

    [Test]
    public async Task A_guild_at_message_drops_the_leading_bot_mention_and_carries_guild_and_channel()
    {
        var scenario = await InboundScenario.CreateAsync();
        const string d = """
            {"author":{"avatar":"http://thirdqq.qlogo.cn/0","bot":false,"id":"1234","username":"abc"},
             "channel_id":"100010","guild_id":"18700000000001","id":"0812345677890abcdef",
             "content":"<@!6158788878435714165> hello <@!5678> <emoji:277>","member":{"joined_at":"2021-04-12T16:34:42+08:00","roles":["4"],"nick":"Boss"},
             "timestamp":"2021-05-20T15:14:58+08:00","seq":101,"seq_in_channel":"101",
             "mentions":[{"id":"6158788878435714165","username":"bot","bot":true},{"id":"5678","username":"x","bot":false}],
             "attachments":[{"url":"gchat.qpic.cn/a.png","content_type":"image/png","filename":"a.png","width":1,"height":1,"size":1}]}
            """;

        var json = InboundScenario.Json((await scenario.TranslateAsync("AT_MESSAGE_CREATE", d))!);

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["message_type"], Is.EqualTo("group"));
            Assert.That((long?)json["group_id"], Is.EqualTo(scenario.Number(IdKind.ChannelId, "100010")));
            Assert.That((string?)json["guild_id"], Is.EqualTo("18700000000001"));
            Assert.That((string?)json["channel_id"], Is.EqualTo("100010"));
            Assert.That((string?)json["raw_message"], Is.EqualTo(
                $"hello [CQ:at,qq={scenario.Number(IdKind.GuildUserId, "5678")}] [CQ:face,id=277][CQ:image,file=a.png,url=https://gchat.qpic.cn/a.png]"));
            Assert.That((string?)json["sender"]!["role"], Is.EqualTo("owner"));
            Assert.That((string?)json["sender"]!["card"], Is.EqualTo("Boss"));
        });
    }

    [Test]
    public async Task A_c2c_message_is_a_private_friend_message_and_a_direct_message_addresses_its_guild()
    {
        var scenario = await InboundScenario.CreateAsync();

        var c2c = InboundScenario.Json((await scenario.TranslateAsync("C2C_MESSAGE_CREATE",
            """{"id":"ROBOT1.0_c","content":"hi","timestamp":"2025-02-15T16:35:23+08:00","author":{"id":"AB12","user_openid":"AB12","union_openid":"U1"}}"""))!);
        var dm = InboundScenario.Json((await scenario.TranslateAsync("DIRECT_MESSAGE_CREATE",
            """{"id":"08dm","content":"yo","timestamp":"2021-05-20T15:14:58+08:00","author":{"id":"777","username":"dm"},"guild_id":"555","src_guild_id":"187","channel_id":"9","direct_message":true}"""))!);

        var dmUser = scenario.Number(IdKind.GuildUserId, "777");
        Assert.That((string?)c2c["message_type"], Is.EqualTo("private"));
        Assert.That((string?)c2c["sub_type"], Is.EqualTo("friend"));
        Assert.That((long?)c2c["user_id"], Is.EqualTo(scenario.Number(IdKind.UserOpenId, "AB12")));
        Assert.That((string?)dm["message_type"], Is.EqualTo("private"));
        Assert.That((long?)dm["user_id"], Is.EqualTo(dmUser));
        Assert.That(scenario.State.Ids.TryGetAddress(IdKind.DirectMessageGuild, dmUser, out var guild), Is.True);
        Assert.That(guild, Is.EqualTo("555"));
    }

    [Test]
    public async Task A_quoted_message_becomes_a_leading_reply_segment_when_it_is_known()
    {
        var scenario = await InboundScenario.CreateAsync();
        var quoted = InboundScenario.Json((await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE",
            GroupAt("ROBOT1.0_q1", " first", ""","message_scene":{"source":"default","ext":["msg_idx=REFIDX_1"]}""").Replace(""","message_scene":{"source":"default","callback_data":""}""", "", StringComparison.Ordinal)))!);
        var quoting = InboundScenario.Json((await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE",
            GroupAt("ROBOT1.0_q2", " second", ""","message_scene":{"source":"default","ext":["ref_msg_idx=REFIDX_1","msg_idx=REFIDX_2"]}""").Replace(""","message_scene":{"source":"default","callback_data":""}""", "", StringComparison.Ordinal)))!);
        var unknownQuote = InboundScenario.Json((await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE",
            GroupAt("ROBOT1.0_q3", " third", ""","message_scene":{"source":"default","ext":["ref_msg_idx=REFIDX_404"]}""").Replace(""","message_scene":{"source":"default","callback_data":""}""", "", StringComparison.Ordinal)))!);

        Assert.That((string?)quoting["raw_message"], Is.EqualTo($"[CQ:reply,id={(int)quoted["message_id"]!}]second"));
        Assert.That((string?)unknownQuote["raw_message"], Is.EqualTo("third"));
    }

    [TestCase("2025-02-15T16:35:23+08:00", 1739608523)]
    [TestCase("1739608523", 1739608523)]
    [TestCase("2025-02-15 16:35:23.123 +0800 CST", 1739608523)]
    public async Task Times_are_read_in_every_format_the_platform_uses(string timestamp, long expected)
    {
        var scenario = await InboundScenario.CreateAsync();

        var json = InboundScenario.Json((await scenario.TranslateAsync("C2C_MESSAGE_CREATE",
            $$$"""{"id":"ROBOT1.0_t","content":"hi","timestamp":"{{{timestamp}}}","author":{"id":"AB12","user_openid":"AB12"}}"""))!);

        Assert.That((long?)json["time"], Is.EqualTo(expected));
    }

    [Test]
    public async Task Loosely_typed_fields_read_as_the_platform_means_them()
    {
        var scenario = await InboundScenario.CreateAsync();

        // A numeric id and timestamp, a flag written as a string, a field of the wrong shape.
        var json = InboundScenario.Json((await scenario.TranslateAsync("GROUP_AT_MESSAGE_CREATE",
            """{"id":"ROBOT1.0_n","content":"hi","timestamp":1739608523,"group_openid":"G1","author":{"id":42,"member_openid":42},"member":"not an object","mentions":[{"member_openid":"BOT","is_you":"true"},{"member_openid":"M2","username":"Bo"}]}"""))!);

        Assert.That((long?)json["user_id"], Is.EqualTo(scenario.Number(IdKind.MemberOpenId, "42")));
        Assert.That((long?)json["time"], Is.EqualTo(1739608523));
        Assert.That((string?)json["sender"]!["card"], Is.EqualTo(""));
        Assert.That((string?)json["raw_message"], Is.EqualTo($"[CQ:at,qq={scenario.Number(IdKind.MemberOpenId, "M2")},name=Bo]hi"));
    }
}
