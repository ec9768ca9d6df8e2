using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;

namespace OneBotBridge.Tests.Core.Inbound;

public sealed class NoticeTranslationTests
{
    private const string Group = "D4DE01234567890ABCDEF01234562B91";
    private const string Member = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7";

    [Test]
    public async Task The_bot_added_to_a_group_is_group_increase_invite_and_its_event_id_can_be_replied_to()
    {
        var scenario = await InboundScenario.CreateAsync();

        var json = InboundScenario.Json((await scenario.TranslateAsync("GROUP_ADD_ROBOT",
            $$"""{"timestamp":1741880682,"group_openid":"{{Group}}","op_member_openid":"{{Member}}"}""", "GROUP_ADD_ROBOT:welcome"))!);

        var group = scenario.Number(IdKind.GroupOpenId, Group);
        Assert.That(json.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"time":1741880682,"self_id":{{InboundScenario.SelfId}},"post_type":"notice","notice_type":"group_increase","sub_type":"invite","group_id":{{group}},"operator_id":{{scenario.Number(IdKind.MemberOpenId, Member)}},"user_id":{{InboundScenario.SelfId}}}"""));
        var selection = await scenario.State.Replies.SelectAsync(ChatTarget.Group(group), null, null, CancellationToken.None);
        Assert.That(selection.Context?.EventId, Is.EqualTo("GROUP_ADD_ROBOT:welcome"));
    }

    [Test]
    public async Task Removal_friend_add_and_recalls_map_to_their_OneBot_notices()
    {
        var scenario = await InboundScenario.CreateAsync();

        var removed = InboundScenario.Json((await scenario.TranslateAsync("GROUP_DEL_ROBOT", $$"""{"timestamp":1741880682,"group_openid":"{{Group}}","op_member_openid":"{{Member}}"}"""))!);
        var friend = InboundScenario.Json((await scenario.TranslateAsync("FRIEND_ADD", """{"timestamp":1741879599,"openid":"F00D","author":{"union_openid":"F00D"}}"""))!);
        var said = InboundScenario.Json((await scenario.TranslateAsync("AT_MESSAGE_CREATE",
            """{"id":"08g1","author":{"id":"1234","username":"abc"},"channel_id":"100010","guild_id":"187","content":"hi","timestamp":"2021-05-20T15:14:58+08:00"}"""))!);
        var recall = InboundScenario.Json((await scenario.TranslateAsync("PUBLIC_MESSAGE_DELETE",
            """{"message":{"id":"08g1","channel_id":"100010","guild_id":"187","author":{"id":"1234","username":"abc","bot":false}},"op_user":{"id":"99"}}"""))!);
        var dmRecall = InboundScenario.Json((await scenario.TranslateAsync("DIRECT_MESSAGE_DELETE",
            """{"message":{"id":"08d1","channel_id":"5","guild_id":"555","author":{"id":"777","username":"dm","bot":false}},"op_user":{"id":"777"}}"""))!);

        Assert.Multiple(() =>
        {
            Assert.That((string?)removed["notice_type"], Is.EqualTo("group_decrease"));
            Assert.That((string?)removed["sub_type"], Is.EqualTo("kick_me"));
            Assert.That((string?)friend["notice_type"], Is.EqualTo("friend_add"));
            Assert.That((long?)friend["user_id"], Is.EqualTo(scenario.Number(IdKind.UserOpenId, "F00D")));
            Assert.That((string?)recall["notice_type"], Is.EqualTo("group_recall"));
            Assert.That((int?)recall["message_id"], Is.EqualTo((int?)said["message_id"]));
            Assert.That((long?)recall["operator_id"], Is.EqualTo(scenario.Number(IdKind.GuildUserId, "99")));
            Assert.That((long?)recall["group_id"], Is.EqualTo((long?)said["group_id"]));
            Assert.That((string?)dmRecall["notice_type"], Is.EqualTo("friend_recall"));
            Assert.That((long?)dmRecall["user_id"], Is.EqualTo(scenario.Number(IdKind.GuildUserId, "777")));
        });
    }

    [Test]
    public async Task Guild_members_joining_and_leaving_are_group_increase_and_decrease_of_the_guild()
    {
        var scenario = await InboundScenario.CreateAsync();
        const string member = """{"guild_id":"187","joined_at":"2021-04-12T16:34:42+08:00","nick":"","op_user_id":"{op}","roles":["1"],"user":{"id":"42","username":"n","bot":false}}""";

        var joined = InboundScenario.Json((await scenario.TranslateAsync("GUILD_MEMBER_ADD", member.Replace("{op}", "42", StringComparison.Ordinal)))!);
        var kicked = InboundScenario.Json((await scenario.TranslateAsync("GUILD_MEMBER_REMOVE", member.Replace("{op}", "9", StringComparison.Ordinal)))!);

        Assert.That(((string?)joined["notice_type"], (string?)joined["sub_type"]), Is.EqualTo(("group_increase", "approve")));
        Assert.That(((string?)kicked["notice_type"], (string?)kicked["sub_type"]), Is.EqualTo(("group_decrease", "kick")));
        Assert.That((long?)joined["group_id"], Is.EqualTo(scenario.Number(IdKind.GuildId, "187")));
        Assert.That((string?)joined["guild_id"], Is.EqualTo("187"));
    }

    [TestCase("FRIEND_DEL", """{"timestamp":1741879599,"openid":"F00D"}""", "qq_friend_del")]
    [TestCase("C2C_MSG_RECEIVE", """{"timestamp":1741878278,"openid":"F00D"}""", "qq_c2c_msg_receive")]
    [TestCase("MESSAGE_REACTION_ADD", """{"user_id":"42","emoji":{"id":"277","type":1},"channel_id":"1","guild_id":"2","target":{"id":"m","type":0}}""", "qq_message_reaction_add")]
    [TestCase("SOMETHING_NEW", """{"x":1}""", "qq_something_new")]
    public async Task Events_without_a_OneBot_equivalent_are_extension_notices_carrying_the_payload(string type, string d, string noticeType)
    {
        var scenario = await InboundScenario.CreateAsync();

        var json = InboundScenario.Json((await scenario.TranslateAsync(type, d, $"{type}:1"))!);

        Assert.That((string?)json["post_type"], Is.EqualTo("notice"));
        Assert.That((string?)json["notice_type"], Is.EqualTo(noticeType));
        Assert.That((string?)json["qq"]!["t"], Is.EqualTo(type));
        Assert.That((string?)json["qq"]!["id"], Is.EqualTo($"{type}:1"));
        Assert.That(JToken.DeepEquals(json["qq"]!["d"], InboundScenario.Parse(d)), Is.True);
    }

    [Test]
    public async Task An_interaction_in_a_group_can_be_replied_to_by_its_event_id()
    {
        var scenario = await InboundScenario.CreateAsync();

        var json = InboundScenario.Json((await scenario.TranslateAsync("INTERACTION_CREATE",
            $$$$"""{"id":"30540ff7","type":11,"scene":"group","chat_type":1,"timestamp":"2025-02-15T16:35:23+08:00","group_openid":"{{{{Group}}}}","group_member_openid":"{{{{Member}}}}","data":{"type":11,"resolved":{"button_data":"b","button_id":"21"}}}""",
            "INTERACTION_CREATE:i1"))!);

        var group = scenario.Number(IdKind.GroupOpenId, Group);
        Assert.That((string?)json["notice_type"], Is.EqualTo("qq_interaction_create"));
        Assert.That((long?)json["group_id"], Is.EqualTo(group));
        Assert.That((long?)json["user_id"], Is.EqualTo(scenario.Number(IdKind.MemberOpenId, Member)));
        var selection = await scenario.State.Replies.SelectAsync(ChatTarget.Group(group), null, null, CancellationToken.None);
        Assert.That(selection.Context?.EventId, Is.EqualTo("INTERACTION_CREATE:i1"));
    }

    [Test]
    public async Task A_payload_missing_what_its_type_needs_is_a_format_error_not_a_crash()
    {
        var scenario = await InboundScenario.CreateAsync();

        Assert.That(async () => await scenario.TranslateAsync("GROUP_ADD_ROBOT", "{}"),
            Throws.TypeOf<OneBotBridge.Core.Inbound.InboundFormatException>().With.Message.Contains("group_openid"));
    }
}
