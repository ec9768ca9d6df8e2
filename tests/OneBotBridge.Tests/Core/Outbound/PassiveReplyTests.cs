using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;
using OneBotBridge.Core.Replies;
using OneBotBridge.OneBot.Messages;
using OneBotBridge.Tests.Host;
using static OneBotBridge.Tests.Core.Outbound.OutboundHarness;

namespace OneBotBridge.Tests.Core.Outbound;

/// <summary>Sends as passive replies, against the simulator's reply rules over HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PassiveReplyTests
{
    private const string GroupMessages = "/v2/groups/" + Group + "/messages";

    private OutboundHarness _harness = null!;

    [SetUp]
    public async Task StartAsync() => _harness = await OutboundHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    private static JObject Body(RecordedRequest request) => JObject.Parse(request.Body);

    [Test]
    public async Task Replies_to_a_group_at_message_are_accepted_with_msg_seq_1_2_3()
    {
        var received = await _harness.ReceiveGroupMessageAsync();

        var responses = new List<int>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = text });
            Assert.That(response.IsOk, Is.True, response.Message);
            responses.Add((int)response.Data!["message_id"]!);
        }

        var sends = _harness.Sends(GroupMessages).ToList();
        Assert.That(sends.Select(s => s.ResponseStatus), Is.All.EqualTo(200));
        Assert.That(sends.Select(s => (string?)Body(s)["msg_id"]), Is.All.EqualTo(received.PlatformId));
        Assert.That(sends.Select(s => (int)Body(s)["msg_seq"]!), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(sends.Select(s => (string?)Body(s)["content"]), Is.EqualTo(new[] { "one", "two", "three" }));
        Assert.That(sends.Select(s => (int)Body(s)["msg_type"]!), Is.All.EqualTo(0));
        Assert.That(responses, Is.Unique.And.All.GreaterThan(0));
    }

    [Test]
    public async Task A_send_counts_its_reply_in_the_store()
    {
        var store = new HeldReplySourceStore();
        await using var harness = await OutboundHarness.StartAsync(store: store);
        var received = await harness.ReceiveGroupMessageAsync();
        var platformTookIt = PlatformTakes(harness);

        var call = harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "hi" });
        await platformTookIt.WaitAsync(TimeSpan.FromSeconds(10));
        await store.AcknowledgeAsync();

        var response = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(response.IsOk, Is.True, response.Message);
        var stored = await store.Inner.LoadReplySourcesAsync(DateTimeOffset.MinValue, default);
        Assert.That(stored.Select(source => (source.SourceId, source.Uses)), Is.EqualTo(new[] { (received.PlatformId, 1) }));
    }

    [Test]
    public async Task A_send_whose_reply_count_could_not_be_stored_is_still_reported_made_and_logged()
    {
        var store = new HeldReplySourceStore();
        var logs = new CapturingLoggerProvider();
        await using var harness = await OutboundHarness.StartAsync(store: store, logs: logs);
        var received = await harness.ReceiveGroupMessageAsync();
        var platformTookIt = PlatformTakes(harness);

        var call = harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "hi" });
        await platformTookIt.WaitAsync(TimeSpan.FromSeconds(10));
        store.Fail();

        var response = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(response.IsOk, Is.True, "the message went out: a framework retrying it would send it twice");
        Assert.That(
            logs.Lines,
            Has.One.Contains($"A reply to {received.PlatformId} in {received.Target} went out but could not be counted in storage").And.Contains("disk full"),
            "the sender waited for the count before it answered");
    }

    /// <summary>Completes when the simulator has taken a group send (seq 1 is reserved with the message, so none waits for the store).</summary>
    private static Task PlatformTakes(OutboundHarness harness)
    {
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Simulator.RequestRecorded += request =>
        {
            if (request.Path.EndsWith(GroupMessages, StringComparison.Ordinal))
            {
                taken.TrySetResult();
            }
        };
        return taken.Task;
    }

    [Test]
    public async Task After_the_window_the_send_fails_clearly_without_calling_QQ()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "late" });

        Assert.That(response.Retcode, Is.EqualTo(1502));
        Assert.That(response.Message, Is.EqualTo($"no message to reply to in the last 5 minutes in group {received.Target.Number}"));
        Assert.That(_harness.Sends(GroupMessages), Is.Empty);
    }

    [Test]
    public async Task With_no_message_the_event_id_is_replied_to()
    {
        var (target, eventId) = await _harness.ReceiveGroupAddAsync();

        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = target.Number, ["message"] = "thanks for adding me" });

        Assert.That(response.IsOk, Is.True, response.Message);
        var body = Body(_harness.Sends(GroupMessages).Single());
        Assert.That((string?)body["event_id"], Is.EqualTo(eventId));
        Assert.That(body.ContainsKey("msg_id"), Is.False);
        Assert.That(_harness.Sends(GroupMessages).Single().ResponseStatus, Is.EqualTo(200));
    }

    [Test]
    public async Task A_duplicate_msg_seq_is_retried_with_a_fresh_one()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        _harness.Simulator.RespondNext("POST", GroupMessages, 400, """{"code":40054005,"err_code":40054005,"message":"msg_seq duplicated"}""");

        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "hi" });

        Assert.That(response.IsOk, Is.True, response.Message);
        var sends = _harness.Sends(GroupMessages).ToList();
        Assert.That(sends.Select(s => s.ResponseStatus), Is.EqualTo(new[] { 400, 200 }));
        Assert.That(sends.Select(s => (int)Body(s)["msg_seq"]!), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task Another_QQ_refusal_is_a_failed_response_with_its_code_and_message()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        _harness.Simulator.RespondNext("POST", GroupMessages, 400, """{"code":304003,"message":"url not allowed"}""");

        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "see http://x" });

        Assert.That(response.Retcode, Is.EqualTo(1502));
        Assert.That(response.Message, Is.EqualTo("QQ refused the message: 304003 url not allowed"));
        Assert.That(_harness.Sends(GroupMessages).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_invalid_event_id_is_retried_without_it()
    {
        var (target, _) = await _harness.ReceiveGroupAddAsync();
        _harness.Simulator.RespondNext("POST", GroupMessages, 400, """{"code":40034025,"message":"event_id invalid"}""");

        await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = target.Number, ["message"] = "hi" });

        var sends = _harness.Sends(GroupMessages).ToList();
        Assert.That(sends, Has.Count.EqualTo(2));
        Assert.That(Body(sends[0]).ContainsKey("event_id"), Is.True);
        Assert.That(Body(sends[1]).ContainsKey("event_id"), Is.False);
    }

    [Test]
    public async Task Send_msg_with_both_ids_replies_to_that_users_message()
    {
        var alice = await _harness.ReceiveGroupMessageAsync(Member, "alice");
        await _harness.ReceiveGroupMessageAsync(OtherMember, "dave");

        var response = await _harness.CallAsync("send_msg", new JObject
        {
            ["message_type"] = "group", ["group_id"] = alice.Target.Number, ["user_id"] = alice.User, ["message"] = "hi alice",
        });

        Assert.That(response.IsOk, Is.True, response.Message);
        Assert.That((string?)Body(_harness.Sends(GroupMessages).Single())["msg_id"], Is.EqualTo(alice.PlatformId));
    }

    [Test]
    public async Task A_reply_segment_picks_its_message_and_quotes_it()
    {
        var first = await _harness.ReceiveGroupMessageAsync(Member, "alice");
        await _harness.ReceiveGroupMessageAsync(Member, "alice");

        var response = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = first.Target.Number, ["message"] = $"[CQ:reply,id={first.MessageId}]answer",
        });

        Assert.That(response.IsOk, Is.True, response.Message);
        var body = Body(_harness.Sends(GroupMessages).Single());
        Assert.That((string?)body["msg_id"], Is.EqualTo(first.PlatformId));
        Assert.That((string?)body["message_reference"]?["message_id"], Is.EqualTo(first.PlatformId));
        Assert.That((string?)body["content"], Is.EqualTo("answer"));
    }

    [Test]
    public async Task Send_private_msg_replies_in_the_C2C_chat()
    {
        var received = await _harness.ReceiveC2CMessageAsync();

        var response = await _harness.CallAsync("send_private_msg", new JObject { ["user_id"] = received.User, ["message"] = "hello bob" });

        Assert.That(response.IsOk, Is.True, response.Message);
        var send = _harness.Sends("/v2/users/" + User + "/messages").Single();
        Assert.That(send.ResponseStatus, Is.EqualTo(200));
        Assert.That((string?)Body(send)["msg_id"], Is.EqualTo(received.PlatformId));
    }

    [Test]
    public async Task Sends_to_one_target_reach_QQ_in_the_order_asked()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var texts = Enumerable.Range(1, 5).Select(i => $"message {i}").ToList();

        var sends = texts.Select(text => _harness.Sender.SendAsync(received.Target, Message.FromText(text), null, CancellationToken.None)).ToList();
        await Task.WhenAll(sends);

        var bodies = _harness.Sends(GroupMessages).Select(Body).ToList();
        Assert.That(bodies.Select(b => (string?)b["content"]), Is.EqualTo(texts));
        Assert.That(bodies.Select(b => (int)b["msg_seq"]!), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task Unknown_groups_fail_with_a_clear_message()
    {
        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = 424242, ["message"] = "hi" });

        Assert.That(response.Retcode, Is.EqualTo(1400));
        Assert.That(response.Message, Does.Contain("group 424242 is unknown to the bridge"));
    }

    [Test]
    public async Task A_msg_id_QQ_calls_invalid_is_dropped_for_the_next_usable_one()
    {
        var valid = await _harness.ReceiveGroupMessageAsync();
        await _harness.RecordUnknownGroupMessageAsync();

        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = valid.Target.Number, ["message"] = "hi" });
        var again = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = valid.Target.Number, ["message"] = "again" });

        Assert.That(response.IsOk && again.IsOk, Is.True, response.Message ?? again.Message);
        var sends = _harness.Sends(GroupMessages).ToList();
        Assert.That(sends.Select(s => s.ResponseStatus), Is.EqualTo(new[] { 400, 200, 200 }));
        Assert.That(sends.Skip(1).Select(s => (string?)Body(s)["msg_id"]), Is.All.EqualTo(valid.PlatformId));
    }

    [Test]
    public async Task Send_private_msg_to_a_guild_user_goes_to_their_direct_message_session()
    {
        var received = await _harness.ReceiveDirectMessageAsync();

        var response = await _harness.CallAsync("send_private_msg", new JObject { ["user_id"] = received.User, ["message"] = "hello carol" });

        Assert.That(response.IsOk, Is.True, response.Message);
        var send = _harness.Sends("/dms/" + DirectGuild + "/messages").Single();
        Assert.That(send.ResponseStatus, Is.EqualTo(200), send.ResponseBody);
        Assert.That((string?)Body(send)["msg_id"], Is.EqualTo(received.PlatformId));
    }

    [Test]
    public async Task A_msg_id_takes_five_replies_then_the_send_fails_saying_why()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        for (var i = 1; i <= 5; i++)
        {
            var ok = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = $"reply {i}" });
            Assert.That(ok.IsOk, Is.True, ok.Message);
        }

        var sixth = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = "reply 6" });

        Assert.That(sixth.Retcode, Is.EqualTo(1502));
        Assert.That(sixth.Message, Does.Contain("has had its 5 replies"));
        Assert.That(_harness.Sends(GroupMessages).Count(), Is.EqualTo(5));
    }

    [Test]
    public async Task Send_msg_without_a_message_type_infers_it_from_the_ids()
    {
        var bob = await _harness.ReceiveC2CMessageAsync();
        var alice = await _harness.ReceiveGroupMessageAsync();

        var toBob = await _harness.CallAsync("send_msg", new JObject { ["user_id"] = bob.User, ["message"] = "private" });
        var toGroup = await _harness.CallAsync("send_msg", new JObject { ["group_id"] = alice.Target.Number, ["message"] = "group" });
        var bad = await _harness.CallAsync("send_msg", new JObject { ["message_type"] = "discuss", ["group_id"] = alice.Target.Number, ["message"] = "x" });

        Assert.That(toBob.IsOk && toGroup.IsOk, Is.True, toBob.Message ?? toGroup.Message);
        Assert.That(_harness.Sends("/v2/users/" + User + "/messages").Count(), Is.EqualTo(1));
        Assert.That(_harness.Sends(GroupMessages).Count(), Is.EqualTo(1));
        Assert.That(bad.Retcode, Is.EqualTo(1400));
    }
}
