using Newtonsoft.Json.Linq;
using static OneBotBridge.Tests.Simulator.SimulatorScenario;

namespace OneBotBridge.Tests.Simulator;

public sealed class PassiveReplyRuleTests
{
    private const string GroupMessages = "/v2/groups/" + Group + "/messages";
    private const string UserMessages = "/v2/users/" + User + "/messages";

    private SimulatorScenario _scenario = null!;

    [SetUp]
    public async Task StartAsync() => _scenario = await SimulatorScenario.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _scenario.DisposeAsync();

    [Test]
    public async Task A_reply_to_a_received_group_message_gets_an_id_and_a_string_timestamp()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (status, body) = await _scenario.PostAsync(GroupMessages, Text(msgId, 1));

        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That((string?)body["id"], Does.StartWith("ROBOT1.0_"));
        Assert.That(body["timestamp"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That(DateTimeOffset.Parse((string)body["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(_scenario.Clock.GetUtcNow()));
    }

    [Test]
    public async Task A_group_msg_id_expires_after_5_minutes()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        _scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        var (inTime, _) = await _scenario.PostAsync(GroupMessages, Text(msgId, 1));
        _scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        var (status, body) = await _scenario.PostAsync(GroupMessages, Text(msgId, 2));

        Assert.That(inTime, Is.EqualTo(200));
        Assert.That(status, Is.EqualTo(400));
        Assert.That((long?)body["code"], Is.EqualTo(304027));
    }

    [Test]
    public async Task A_msg_id_is_told_expired_for_a_day_and_unknown_after()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        _scenario.Clock.Advance(TimeSpan.FromHours(23));
        var withinTheDay = await ReplyWithFreshTokenAsync(msgId);
        _scenario.Clock.Advance(TimeSpan.FromHours(2));
        await _scenario.PushGroupMessageAsync();
        var afterTheDay = await ReplyWithFreshTokenAsync(msgId);

        Assert.That((long?)withinTheDay["code"], Is.EqualTo(304027));
        Assert.That((long?)afterTheDay["code"], Is.EqualTo(40034024));
    }

    [Test]
    public async Task A_msg_id_delivered_again_is_remembered_from_its_latest_delivery()
    {
        const string msgId = "ROBOT1.0_delivered-twice";
        var message = new JObject { ["id"] = msgId, ["content"] = " hello", ["author"] = new JObject { ["member_openid"] = User }, ["group_openid"] = Group };
        await _scenario.Simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", message);
        _scenario.Clock.Advance(TimeSpan.FromHours(23));
        await _scenario.Simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", message);

        _scenario.Clock.Advance(TimeSpan.FromHours(2));
        await _scenario.PushGroupMessageAsync();
        var answer = await ReplyWithFreshTokenAsync(msgId);

        Assert.That((long?)answer["code"], Is.EqualTo(304027), "known (its window has passed), not forgotten with its first delivery");
    }

    [Test]
    public async Task A_C2C_msg_id_lives_60_minutes()
    {
        var msgId = await _scenario.PushC2CMessageAsync();

        _scenario.Clock.Advance(TimeSpan.FromMinutes(59));
        var (inTime, _) = await _scenario.PostAsync(UserMessages, Text(msgId, 1));
        _scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        var (_, late) = await _scenario.PostAsync(UserMessages, Text(msgId, 2));

        Assert.That(inTime, Is.EqualTo(200));
        Assert.That((long?)late["code"], Is.EqualTo(304027));
    }

    [Test]
    public async Task A_msg_id_takes_at_most_5_replies()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        for (var seq = 1; seq <= 5; seq++)
        {
            var (status, body) = await _scenario.PostAsync(GroupMessages, Text(msgId, seq));
            Assert.That(status, Is.EqualTo(200), body.ToString());
        }

        var (_, sixth) = await _scenario.PostAsync(GroupMessages, Text(msgId, 6));

        Assert.That((long?)sixth["code"], Is.EqualTo(22009));
    }

    [Test]
    public async Task Reusing_a_msg_seq_for_the_same_msg_id_gives_40054005_and_absent_means_1()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (first, _) = await _scenario.PostAsync(GroupMessages, Text(msgId));
        var (_, duplicate) = await _scenario.PostAsync(GroupMessages, Text(msgId, 1));
        var (next, _) = await _scenario.PostAsync(GroupMessages, Text(msgId, 2));

        Assert.That(first, Is.EqualTo(200));
        Assert.That((long?)duplicate["code"], Is.EqualTo(40054005));
        Assert.That((long?)duplicate["err_code"], Is.EqualTo(40054005));
        Assert.That(next, Is.EqualTo(200));
    }

    [Test]
    public async Task A_msg_id_that_was_never_sent_or_belongs_to_another_target_is_invalid()
    {
        var otherGroupMessage = await _scenario.PushGroupMessageAsync(OtherGroup);

        var (_, unknown) = await _scenario.PostAsync(GroupMessages, Text("ROBOT1.0_never-sent", 1));
        var (_, elsewhere) = await _scenario.PostAsync(GroupMessages, Text(otherGroupMessage, 1));
        var (_, wrongScene) = await _scenario.PostAsync(UserMessages, Text(otherGroupMessage, 1));

        Assert.That((long?)unknown["code"], Is.EqualTo(40034024));
        Assert.That((long?)elsewhere["code"], Is.EqualTo(40034024));
        Assert.That((long?)wrongScene["code"], Is.EqualTo(40034024));
    }

    [Test]
    public async Task An_event_id_of_an_event_that_allows_it_can_be_replied_to()
    {
        var eventId = await _scenario.PushEventAsync("GROUP_ADD_ROBOT", new JObject { ["timestamp"] = 1741880682, ["group_openid"] = Group, ["op_member_openid"] = User });

        var (status, body) = await _scenario.PostAsync(GroupMessages, Text(eventId: eventId));

        Assert.That(status, Is.EqualTo(200), body.ToString());
    }

    [Test]
    public async Task A_C2C_interaction_event_id_can_be_replied_to_in_that_chat()
    {
        var eventId = await _scenario.PushEventAsync("INTERACTION_CREATE", new JObject { ["id"] = "i-1", ["type"] = 11, ["scene"] = "c2c", ["chat_type"] = 2, ["user_openid"] = User });

        var (status, _) = await _scenario.PostAsync(UserMessages, Text(eventId: eventId));
        var (_, elsewhere) = await _scenario.PostAsync(GroupMessages, Text(eventId: eventId));

        Assert.That(status, Is.EqualTo(200));
        Assert.That((long?)elsewhere["code"], Is.EqualTo(40034025));
    }

    [Test]
    public async Task An_event_id_of_an_event_that_does_not_allow_it_gives_40034027()
    {
        var messageEvent = await _scenario.Simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new JObject { ["id"] = "ROBOT1.0_x", ["group_openid"] = Group });
        var removed = await _scenario.PushEventAsync("GROUP_DEL_ROBOT", new JObject { ["group_openid"] = Group });

        var (_, message) = await _scenario.PostAsync(GroupMessages, Text(eventId: (string)messageEvent["id"]!));
        var (_, deleted) = await _scenario.PostAsync(GroupMessages, Text(eventId: removed));

        Assert.That((long?)message["code"], Is.EqualTo(40034027));
        Assert.That((long?)deleted["code"], Is.EqualTo(40034027));
    }

    [Test]
    public async Task An_unknown_event_id_gives_40034025()
    {
        var (_, body) = await _scenario.PostAsync(GroupMessages, Text(eventId: "GROUP_ADD_ROBOT:nope"));

        Assert.That((long?)body["code"], Is.EqualTo(40034025));
    }

    [TestCase(GroupMessages)]
    [TestCase(UserMessages)]
    public async Task An_active_send_to_a_group_or_user_gives_40034102(string path)
    {
        var (status, body) = await _scenario.PostAsync(path, Text());

        Assert.That(status, Is.EqualTo(400));
        Assert.That((long?)body["code"], Is.EqualTo(40034102));
        Assert.That((string?)body["trace_id"], Is.Not.Empty);
    }

    [Test]
    public async Task A_refused_reply_does_not_use_up_the_msg_seq()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (invalid, _) = await _scenario.PostAsync(GroupMessages, new JObject { ["msg_type"] = 0, ["msg_id"] = msgId, ["msg_seq"] = 1 });
        var (valid, _) = await _scenario.PostAsync(GroupMessages, Text(msgId, 1));

        Assert.That(invalid, Is.EqualTo(400));
        Assert.That(valid, Is.EqualTo(200));
    }

    [TestCase(1, 12002)]
    [TestCase(5, 12002)]
    public async Task An_unknown_msg_type_is_refused(int msgType, long code)
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (status, body) = await _scenario.PostAsync(GroupMessages, new JObject { ["msg_type"] = msgType, ["content"] = "x", ["msg_id"] = msgId });

        Assert.That(status, Is.EqualTo(400));
        Assert.That((long?)body["code"], Is.EqualTo(code));
    }

    [Test]
    public async Task Text_without_content_is_refused_with_50006()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (_, body) = await _scenario.PostAsync(GroupMessages, new JObject { ["msg_type"] = 0, ["msg_id"] = msgId });

        Assert.That((long?)body["code"], Is.EqualTo(50006));
    }

    [Test]
    public async Task A_guild_channel_reply_returns_a_whole_message_object()
    {
        var msgId = await _scenario.PushChannelMessageAsync();

        var (status, body) = await _scenario.PostAsync($"/channels/{Channel}/messages", new JObject { ["content"] = "hi", ["msg_id"] = msgId });

        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That((string?)body["id"], Is.Not.Empty);
        Assert.That((string?)body["channel_id"], Is.EqualTo(Channel));
        Assert.That((string?)body["guild_id"], Is.EqualTo(Guild));
        Assert.That((string?)body["content"], Is.EqualTo("hi"));
        Assert.That((bool?)body["author"]!["bot"], Is.True);
    }

    [Test]
    public async Task A_guild_channel_msg_id_expires_after_5_minutes_but_has_no_reply_count()
    {
        var msgId = await _scenario.PushChannelMessageAsync();

        for (var i = 0; i < 6; i++)
        {
            var (status, _) = await _scenario.PostAsync($"/channels/{Channel}/messages", new JObject { ["content"] = "hi", ["msg_id"] = msgId });
            Assert.That(status, Is.EqualTo(200));
        }

        _scenario.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var (_, late) = await _scenario.PostAsync($"/channels/{Channel}/messages", new JObject { ["content"] = "hi", ["msg_id"] = msgId });

        Assert.That((long?)late["code"], Is.EqualTo(304027));
    }

    [Test]
    public async Task A_DM_reply_goes_to_the_DM_guild_and_is_marked_direct()
    {
        var msgId = "dm-" + Guid.NewGuid().ToString("N");
        await _scenario.Simulator.PushDispatchAsync("DIRECT_MESSAGE_CREATE", new JObject
        {
            ["id"] = msgId,
            ["guild_id"] = DirectGuild,
            ["channel_id"] = "555",
            ["src_guild_id"] = Guild,
            ["direct_message"] = true,
            ["content"] = "hi",
        });

        var (status, body) = await _scenario.PostAsync($"/dms/{DirectGuild}/messages", new JObject { ["content"] = "hey", ["msg_id"] = msgId });
        var (_, wrongGuild) = await _scenario.PostAsync($"/dms/{Guild}/messages", new JObject { ["content"] = "hey", ["msg_id"] = msgId });

        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That((bool?)body["direct_message"], Is.True);
        Assert.That((string?)body["channel_id"], Is.EqualTo("555"));
        Assert.That((long?)wrongGuild["code"], Is.EqualTo(40034024));
    }

    /// <summary>A day outlives the scenario's token, so these calls fetch their own.</summary>
    private async Task<JToken> ReplyWithFreshTokenAsync(string msgId)
    {
        var token = await _scenario.Http.GetTokenAsync();
        var (_, body, _) = await _scenario.Http.CallAsync(HttpMethod.Post, GroupMessages, Text(msgId, 1), token);
        return body;
    }
}
