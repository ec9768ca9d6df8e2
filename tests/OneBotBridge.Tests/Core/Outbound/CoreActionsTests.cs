using Newtonsoft.Json.Linq;
using static OneBotBridge.Tests.Core.Outbound.OutboundHarness;

namespace OneBotBridge.Tests.Core.Outbound;

/// <summary>get_msg, delete_msg, the roster info actions and the actions the official API cannot do.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CoreActionsTests
{
    private OutboundHarness _harness = null!;

    [SetUp]
    public async Task StartAsync() => _harness = await OutboundHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [TestCase("set_group_kick")]
    [TestCase("set_group_ban")]
    [TestCase("set_group_whole_ban")]
    [TestCase("set_group_admin")]
    [TestCase("set_group_card")]
    [TestCase("set_group_name")]
    [TestCase("set_group_leave")]
    [TestCase("set_group_special_title")]
    [TestCase("set_friend_add_request")]
    [TestCase("set_group_add_request")]
    [TestCase("set_group_anonymous_ban")]
    [TestCase("get_group_honor_info")]
    [TestCase("send_group_forward_msg")]
    [TestCase("send_private_forward_msg")]
    public async Task Operations_the_official_API_lacks_fail_saying_so(string action)
    {
        var response = await _harness.CallAsync(action, new JObject { ["group_id"] = 1, ["user_id"] = 2 });

        Assert.That(response.Retcode, Is.EqualTo(1501));
        Assert.That(response.Message, Is.EqualTo($"the QQ official bot API has no such operation: {action}"));
    }

    [Test]
    public async Task Get_msg_returns_a_sent_message_and_delete_msg_recalls_it()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var sent = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "hi [CQ:face,id=1]" });
        var messageId = (int)sent.Data!["message_id"]!;

        var got = await _harness.CallAsync("get_msg", new JObject { ["message_id"] = messageId });
        var deleted = await _harness.CallAsync("delete_msg", new JObject { ["message_id"] = messageId });

        Assert.That(got.IsOk, Is.True, got.Message);
        Assert.That((string?)got.Data!["message_type"], Is.EqualTo("group"));
        Assert.That((long)got.Data!["group_id"]!, Is.EqualTo(received.Target.Number));
        Assert.That((long)got.Data!["sender"]!["user_id"]!, Is.EqualTo(_harness.Bot.SelfId));
        Assert.That((string?)got.Data!["raw_message"], Is.EqualTo("hi [CQ:face,id=1]"));
        Assert.That(got.Data!["message"]!.Type, Is.EqualTo(JTokenType.Array));
        Assert.That(deleted.IsOk, Is.True, deleted.Message);
        var platformId = (string)JObject.Parse(_harness.Sends("/messages").Single().ResponseBody)["id"]!;
        var recall = _harness.Simulator.Requests.Single(r => r.Method == "DELETE");
        Assert.That(recall.Path, Is.EqualTo($"/v2/groups/{Group}/messages/{platformId}"));
        Assert.That(recall.ResponseStatus, Is.EqualTo(200).Or.EqualTo(204));
    }

    [Test]
    public async Task Get_msg_of_a_received_message_names_its_sender()
    {
        var received = await _harness.ReceiveGroupMessageAsync(Member, "alice");

        var got = await _harness.CallAsync("get_msg", new JObject { ["message_id"] = received.MessageId });

        Assert.That((long)got.Data!["sender"]!["user_id"]!, Is.EqualTo(received.User));
        Assert.That((string?)got.Data!["sender"]!["nickname"], Is.EqualTo("alice"));
        Assert.That((string?)got.Data!["raw_message"], Is.EqualTo("hello"));
    }

    [Test]
    public async Task Unknown_message_ids_fail_with_1400()
    {
        var got = await _harness.CallAsync("get_msg", new JObject { ["message_id"] = 12345 });
        var deleted = await _harness.CallAsync("delete_msg", new JObject { ["message_id"] = 12345 });

        Assert.That(got.Retcode, Is.EqualTo(1400));
        Assert.That(deleted.Retcode, Is.EqualTo(1400));
        Assert.That(got.Message, Does.Contain("message_id 12345 is unknown"));
    }

    [Test]
    public async Task Info_actions_answer_from_what_was_seen()
    {
        var alice = await _harness.ReceiveGroupMessageAsync(Member, "alice");
        await _harness.ReceiveGroupMessageAsync(OtherMember, "dave");
        var bob = await _harness.ReceiveC2CMessageAsync();

        var groups = await _harness.CallAsync("get_group_list", []);
        var group = await _harness.CallAsync("get_group_info", new JObject { ["group_id"] = alice.Target.Number });
        var member = await _harness.CallAsync("get_group_member_info", new JObject { ["group_id"] = alice.Target.Number, ["user_id"] = alice.User });
        var members = await _harness.CallAsync("get_group_member_list", new JObject { ["group_id"] = alice.Target.Number });
        var friends = await _harness.CallAsync("get_friend_list", []);
        var stranger = await _harness.CallAsync("get_stranger_info", new JObject { ["user_id"] = bob.User });
        var unknown = await _harness.CallAsync("get_stranger_info", new JObject { ["user_id"] = 99 });
        var profile = await _harness.CallAsync("get_guild_service_profile", []);

        Assert.That(groups.Data!.Select(g => (long)g["group_id"]!), Is.EqualTo(new[] { alice.Target.Number }));
        Assert.That((int)group.Data!["member_count"]!, Is.EqualTo(2));
        Assert.That((bool)group.Data!["seen_only"]!, Is.True);
        Assert.That((string?)member.Data!["nickname"], Is.EqualTo("alice"));
        Assert.That((string?)member.Data!["role"], Is.EqualTo("member"));
        Assert.That(members.Data!.Select(m => (string?)m["nickname"]), Is.EquivalentTo(new[] { "alice", "dave" }));
        Assert.That(friends.Data!.Select(f => (long)f["user_id"]!), Is.EqualTo(new[] { bob.User }));
        Assert.That((string?)stranger.Data!["nickname"], Is.EqualTo("bob"));
        Assert.That(unknown.Retcode, Is.EqualTo(1400));
        Assert.That((string?)profile.Data!["nickname"], Is.EqualTo("bridge bot"));
    }
}
