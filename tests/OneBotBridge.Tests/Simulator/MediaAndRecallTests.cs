using Newtonsoft.Json.Linq;
using static OneBotBridge.Tests.Simulator.SimulatorScenario;

namespace OneBotBridge.Tests.Simulator;

public sealed class MediaAndRecallTests
{
    private const string GroupMessages = "/v2/groups/" + Group + "/messages";

    private SimulatorScenario _scenario = null!;

    [SetUp]
    public async Task StartAsync() => _scenario = await SimulatorScenario.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _scenario.DisposeAsync();

    [Test]
    public async Task An_uploaded_file_can_be_sent_as_msg_type_7()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (uploadStatus, upload) = await _scenario.PostAsync($"/v2/groups/{Group}/files", new JObject { ["file_type"] = 1, ["url"] = "https://example.com/a.png", ["srv_send_msg"] = false });
        var (sendStatus, sent) = await _scenario.PostAsync(GroupMessages, new JObject
        {
            ["msg_type"] = 7,
            ["content"] = " ",
            ["media"] = new JObject { ["file_info"] = upload["file_info"] },
            ["msg_id"] = msgId,
        });

        Assert.That(uploadStatus, Is.EqualTo(200), upload.ToString());
        Assert.That((string?)upload["file_uuid"], Is.Not.Empty);
        Assert.That((int?)upload["ttl"], Is.EqualTo(3600));
        Assert.That(sendStatus, Is.EqualTo(200), sent.ToString());
    }

    [Test]
    public async Task A_file_info_works_only_for_the_kind_of_target_it_was_uploaded_for()
    {
        var msgId = await _scenario.PushC2CMessageAsync();
        var (_, upload) = await _scenario.PostAsync($"/v2/groups/{Group}/files", new JObject { ["file_type"] = 1, ["file_data"] = Convert.ToBase64String([1, 2, 3]) });

        var (status, body) = await _scenario.PostAsync($"/v2/users/{User}/messages", new JObject
        {
            ["msg_type"] = 7,
            ["content"] = " ",
            ["media"] = new JObject { ["file_info"] = upload["file_info"] },
            ["msg_id"] = msgId,
        });

        Assert.That(status, Is.EqualTo(400));
        Assert.That((string?)body["message"], Does.Contain("file_info"));
    }

    [Test]
    public async Task Msg_type_7_with_a_file_info_never_issued_is_refused()
    {
        var msgId = await _scenario.PushGroupMessageAsync();

        var (status, _) = await _scenario.PostAsync(GroupMessages, new JObject
        {
            ["msg_type"] = 7,
            ["content"] = " ",
            ["media"] = new JObject { ["file_info"] = "made-up" },
            ["msg_id"] = msgId,
        });

        Assert.That(status, Is.EqualTo(400));
    }

    [TestCase(0, "https://example.com/a.png", null)]
    [TestCase(5, "https://example.com/a.png", null)]
    [TestCase(1, "ftp://example.com/a.png", null)]
    [TestCase(1, null, "***not base64***")]
    [TestCase(1, null, null)]
    [TestCase(1, "https://example.com/a.png", "AQID")]
    public async Task A_bad_upload_is_refused(int fileType, string? url, string? fileData)
    {
        var body = new JObject { ["file_type"] = fileType };
        if (url is not null)
        {
            body["url"] = url;
        }

        if (fileData is not null)
        {
            body["file_data"] = fileData;
        }

        var (status, response) = await _scenario.PostAsync($"/v2/users/{User}/files", body);

        Assert.That(status, Is.EqualTo(400));
        Assert.That((long?)response["code"], Is.EqualTo(12002));
    }

    [Test]
    public async Task A_group_message_can_be_recalled_within_2_minutes_only()
    {
        var msgId = await _scenario.PushGroupMessageAsync();
        var (_, first) = await _scenario.PostAsync(GroupMessages, Text(msgId, 1));
        var (_, second) = await _scenario.PostAsync(GroupMessages, Text(msgId, 2));

        _scenario.Clock.Advance(TimeSpan.FromMinutes(2));
        var (inTime, _) = await _scenario.CallAsync(HttpMethod.Delete, $"{GroupMessages}/{first["id"]}");
        _scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        var (lateStatus, late) = await _scenario.CallAsync(HttpMethod.Delete, $"{GroupMessages}/{second["id"]}");

        Assert.That(inTime, Is.EqualTo(200));
        Assert.That(lateStatus, Is.EqualTo(400));
        Assert.That((long?)late["code"], Is.EqualTo(306011));
    }

    [Test]
    public async Task Recalling_an_unknown_or_already_recalled_message_is_refused()
    {
        var msgId = await _scenario.PushGroupMessageAsync();
        var (_, sent) = await _scenario.PostAsync(GroupMessages, Text(msgId, 1));

        var (_, unknown) = await _scenario.CallAsync(HttpMethod.Delete, $"{GroupMessages}/ROBOT1.0_unknown");
        var (_, wrongTarget) = await _scenario.CallAsync(HttpMethod.Delete, $"/v2/groups/{OtherGroup}/messages/{sent["id"]}");
        await _scenario.CallAsync(HttpMethod.Delete, $"{GroupMessages}/{sent["id"]}");
        var (_, again) = await _scenario.CallAsync(HttpMethod.Delete, $"{GroupMessages}/{sent["id"]}");

        Assert.That((long?)unknown["code"], Is.EqualTo(306002));
        Assert.That((long?)wrongTarget["code"], Is.EqualTo(306002));
        Assert.That((long?)again["code"], Is.EqualTo(306002));
    }

    [Test]
    public async Task Guild_messages_can_be_recalled_later_including_received_ones()
    {
        var received = await _scenario.PushChannelMessageAsync();
        var (_, sent) = await _scenario.PostAsync($"/channels/{Channel}/messages", new JObject { ["content"] = "hi", ["msg_id"] = received });

        _scenario.Clock.Advance(TimeSpan.FromHours(1));
        var (ownStatus, _) = await _scenario.CallAsync(HttpMethod.Delete, $"/channels/{Channel}/messages/{sent["id"]}?hidetip=false");
        var (receivedStatus, _) = await _scenario.CallAsync(HttpMethod.Delete, $"/channels/{Channel}/messages/{received}?hidetip=false");

        Assert.That(ownStatus, Is.EqualTo(200));
        Assert.That(receivedStatus, Is.EqualTo(200));
    }

    [Test]
    public async Task An_interaction_is_acknowledged_with_204_and_no_body()
    {
        await _scenario.Simulator.PushDispatchAsync("INTERACTION_CREATE", new JObject { ["id"] = "30540ff7-1", ["type"] = 11, ["group_openid"] = Group });

        var (status, body) = await _scenario.CallAsync(HttpMethod.Put, "/interactions/30540ff7-1", new JObject { ["code"] = 0 });
        var (unknownStatus, _) = await _scenario.CallAsync(HttpMethod.Put, "/interactions/never-delivered", new JObject { ["code"] = 0 });

        Assert.That(status, Is.EqualTo(204));
        Assert.That(body.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(unknownStatus, Is.EqualTo(404));
    }
}
