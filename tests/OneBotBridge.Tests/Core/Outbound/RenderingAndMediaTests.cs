using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;
using static OneBotBridge.Tests.Core.Outbound.OutboundHarness;

namespace OneBotBridge.Tests.Core.Outbound;

/// <summary>Segments rendered per scene, and media uploaded then sent as msg_type 7.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RenderingAndMediaTests
{
    private const string GroupMessages = "/v2/groups/" + Group + "/messages";
    private const string GroupFiles = "/v2/groups/" + Group + "/files";

    /// <summary>A 1×1 PNG.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private OutboundHarness _harness = null!;

    [SetUp]
    public async Task StartAsync() => _harness = await OutboundHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    private static JObject Body(RecordedRequest request) => JObject.Parse(request.Body);

    private static JArray Segments(params (string Type, JObject Data)[] segments) =>
        new(segments.Select(s => new JObject { ["type"] = s.Type, ["data"] = s.Data }));

    [Test]
    public async Task Guild_at_and_face_use_the_guild_syntax()
    {
        var received = await _harness.ReceiveChannelMessageAsync();

        var response = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number,
            ["message"] = Segments(
                ("at", new JObject { ["qq"] = received.User.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                ("text", new JObject { ["text"] = " 1<2 " }),
                ("face", new JObject { ["id"] = "12" }),
                ("at", new JObject { ["qq"] = "all" })),
        });

        Assert.That(response.IsOk, Is.True, response.Message);
        var send = _harness.Sends("/channels/" + Channel + "/messages").Single();
        Assert.That(send.ResponseStatus, Is.EqualTo(200), send.ResponseBody);
        var body = Body(send);
        Assert.That((string?)body["content"], Is.EqualTo("<qqbot-at-user id=\"" + GuildUser + "\" /> 1&lt;2 <emoji:12>@everyone"));
        Assert.That((string?)body["msg_id"], Is.EqualTo(received.PlatformId));
        Assert.That(body.ContainsKey("msg_seq"), Is.False);
    }

    [Test]
    public async Task Group_at_uses_the_seen_nickname_and_face_the_face_tag()
    {
        var received = await _harness.ReceiveGroupMessageAsync(Member, "alice");

        await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number,
            ["message"] = $"[CQ:at,qq={received.User}] hi [CQ:face,id=277]",
        });

        Assert.That((string?)Body(_harness.Sends(GroupMessages).Single())["content"], Is.EqualTo("@alice hi <faceType=1,faceId=\"277\">"));
    }

    [Test]
    public async Task Quick_operation_replies_with_at_sender_to_the_event_message()
    {
        var received = await _harness.ReceiveGroupMessageAsync(Member, "alice");
        await _harness.ReceiveGroupMessageAsync(Member, "alice");

        var response = await _harness.CallAsync(".handle_quick_operation", new JObject
        {
            ["context"] = new JObject
            {
                ["post_type"] = "message", ["message_type"] = "group", ["group_id"] = received.Target.Number,
                ["user_id"] = received.User, ["message_id"] = received.MessageId,
            },
            ["operation"] = new JObject { ["reply"] = "[not code]", ["auto_escape"] = true, ["at_sender"] = true },
        });

        Assert.That(response.IsOk, Is.True, response.Message);
        var body = Body(_harness.Sends(GroupMessages).Single());
        Assert.That((string?)body["content"], Is.EqualTo("@alice [not code]"));
        Assert.That((string?)body["msg_id"], Is.EqualTo(received.PlatformId));
        Assert.That(body.ContainsKey("message_reference"), Is.False);
    }

    [Test]
    public async Task A_base64_image_is_uploaded_then_sent_as_msg_type_7_and_its_file_info_reused()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var message = Segments(("text", new JObject { ["text"] = "look" }), ("image", new JObject { ["file"] = "base64://" + Png }));

        var first = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = message });
        var second = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = message });

        Assert.That(first.IsOk && second.IsOk, Is.True, first.Message ?? second.Message);
        var upload = _harness.Sends(GroupFiles).Single();
        Assert.That((int)Body(upload)["file_type"]!, Is.EqualTo(1));
        Assert.That((string?)Body(upload)["file_data"], Is.EqualTo(Png));
        var fileInfo = (string?)JObject.Parse(upload.ResponseBody)["file_info"];
        var sends = _harness.Sends(GroupMessages).ToList();
        Assert.That(sends.Select(s => s.ResponseStatus), Is.All.EqualTo(200));
        Assert.That(sends.Select(s => (int)Body(s)["msg_type"]!), Is.All.EqualTo(7));
        Assert.That(sends.Select(s => (string?)Body(s)["media"]?["file_info"]), Is.All.EqualTo(fileInfo));
        Assert.That((string?)Body(sends[0])["content"], Is.EqualTo("look"));
    }

    [Test]
    public async Task Several_media_go_as_several_messages_in_order_answering_the_first_id()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var message = Segments(
            ("image", new JObject { ["file"] = "https://example.com/a.png" }),
            ("record", new JObject { ["file"] = "https://example.com/b.silk" }));

        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = received.Target.Number, ["message"] = message });

        Assert.That(response.IsOk, Is.True, response.Message);
        var uploads = _harness.Sends(GroupFiles).Select(Body).ToList();
        Assert.That(uploads.Select(u => ((int)u["file_type"]!, (string?)u["url"])), Is.EqualTo(new[] { (1, "https://example.com/a.png"), (3, "https://example.com/b.silk") }));
        var sends = _harness.Sends(GroupMessages).ToList();
        Assert.That(sends.Select(s => (int)Body(s)["msg_seq"]!), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(sends.Select(s => (string?)Body(s)["content"]), Is.All.EqualTo(" "));
        var firstId = (string)JObject.Parse(sends[0].ResponseBody)["id"]!;
        var first = await _harness.Messages.FindByPlatformIdAsync(firstId, CancellationToken.None);
        Assert.That((int)response.Data!["message_id"]!, Is.EqualTo(first!.MessageId));
    }

    [Test]
    public async Task A_local_file_outside_the_allowed_dirs_is_refused()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var outside = Path.Combine(_harness.TempDir, "secret.png");
        await File.WriteAllBytesAsync(outside, Convert.FromBase64String(Png));

        var response = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = $"[CQ:image,file={new Uri(outside).AbsoluteUri}]",
        });

        Assert.That(response.Retcode, Is.EqualTo(1400));
        Assert.That(response.Message, Does.Contain("media.allowed_dirs"));
        Assert.That(_harness.Sends(GroupFiles), Is.Empty);
        Assert.That(_harness.Sends(GroupMessages), Is.Empty);
    }

    [Test]
    public async Task A_local_file_under_an_allowed_dir_is_uploaded_and_sizes_are_capped()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var inside = Path.Combine(_harness.TempDir, "allowed", "ok.png");
        await File.WriteAllBytesAsync(inside, Convert.FromBase64String(Png));
        var tooLarge = Path.Combine(_harness.TempDir, "allowed", "big.png");
        await File.WriteAllBytesAsync(tooLarge, new byte[2048]);

        var ok = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = $"[CQ:image,file={new Uri(inside).AbsoluteUri}]",
        });
        var big = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = $"[CQ:image,file={new Uri(tooLarge).AbsoluteUri}]",
        });

        Assert.That(ok.IsOk, Is.True, ok.Message);
        Assert.That((string?)Body(_harness.Sends(GroupFiles).Single())["file_data"], Is.EqualTo(Png));
        Assert.That(big.Retcode, Is.EqualTo(1400));
        Assert.That(big.Message, Does.Contain("media.max_bytes"));
    }

    [Test]
    public async Task A_refused_upload_is_a_failed_response_naming_the_upload()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        _harness.Simulator.RespondNext("POST", GroupFiles, 400, """{"code":850027,"message":"file too large"}""");

        var response = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = "[CQ:image,file=https://example.com/a.png]",
        });

        Assert.That(response.Retcode, Is.EqualTo(1502));
        Assert.That(response.Message, Is.EqualTo("QQ refused the image upload: 850027 file too large"));
        Assert.That(_harness.Sends(GroupMessages), Is.Empty);
    }

    [Test]
    public async Task Guild_images_go_as_a_url_or_as_a_multipart_file_and_voice_is_refused()
    {
        var received = await _harness.ReceiveChannelMessageAsync();

        var byUrl = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = "[CQ:image,file=https://example.com/a.png]",
        });
        var byContent = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = "[CQ:image,file=base64://" + Png + "]",
        });
        var voice = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number, ["message"] = "[CQ:record,file=https://example.com/a.silk]",
        });

        Assert.That(byUrl.IsOk && byContent.IsOk, Is.True, byUrl.Message ?? byContent.Message);
        var sends = _harness.Sends("/channels/" + Channel + "/messages").ToList();
        Assert.That(sends.Select(s => s.ResponseStatus), Is.All.EqualTo(200));
        Assert.That((string?)Body(sends[0])["image"], Is.EqualTo("https://example.com/a.png"));
        Assert.That(sends[1].Body, Does.Contain("file_image").And.Contain(received.PlatformId));
        Assert.That(voice.Retcode, Is.EqualTo(1501));
        Assert.That(voice.Message, Does.Contain("\"record\""));
    }

    [Test]
    public async Task A_cached_file_info_is_not_used_past_its_ttl()
    {
        var first = await _harness.ReceiveGroupMessageAsync();
        var image = "[CQ:image,file=base64://" + Png + "]";
        await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = first.Target.Number, ["message"] = image });

        _harness.Clock.Advance(TimeSpan.FromHours(1));
        var later = await _harness.ReceiveGroupMessageAsync();
        var response = await _harness.CallAsync("send_group_msg", new JObject { ["group_id"] = later.Target.Number, ["message"] = image });

        Assert.That(response.IsOk, Is.True, response.Message);
        Assert.That(_harness.Sends(GroupFiles).Count(), Is.EqualTo(2));
        Assert.That(_harness.Sends(GroupMessages).Select(s => s.ResponseStatus), Is.All.EqualTo(200));
    }

    [Test]
    public async Task A_C2C_image_is_uploaded_to_the_user_files_endpoint()
    {
        var received = await _harness.ReceiveC2CMessageAsync();

        var response = await _harness.CallAsync("send_private_msg", new JObject
        {
            ["user_id"] = received.User, ["message"] = "[CQ:video,file=https://example.com/v.mp4]",
        });

        Assert.That(response.IsOk, Is.True, response.Message);
        var upload = _harness.Sends("/v2/users/" + User + "/files").Single();
        Assert.That((int)Body(upload)["file_type"]!, Is.EqualTo(2));
        var send = _harness.Sends("/v2/users/" + User + "/messages").Single();
        Assert.That((int)Body(send)["msg_type"]!, Is.EqualTo(7));
        Assert.That(send.ResponseStatus, Is.EqualTo(200), send.ResponseBody);
    }

    [Test]
    public async Task Markdown_and_keyboard_pass_through_as_msg_type_2()
    {
        var received = await _harness.ReceiveGroupMessageAsync();
        var keyboard = new JObject { ["id"] = "102000001_1700000000" };

        var response = await _harness.CallAsync("send_group_msg", new JObject
        {
            ["group_id"] = received.Target.Number,
            ["message"] = Segments(("markdown", new JObject { ["content"] = "# title" }), ("keyboard", new JObject { ["content"] = keyboard })),
        });

        Assert.That(response.IsOk, Is.True, response.Message);
        var send = _harness.Sends(GroupMessages).Single();
        var body = Body(send);
        Assert.That(send.ResponseStatus, Is.EqualTo(200), send.ResponseBody);
        Assert.That((int)body["msg_type"]!, Is.EqualTo(2));
        Assert.That((string?)body["markdown"]?["content"], Is.EqualTo("# title"));
        Assert.That(JToken.DeepEquals(body["keyboard"], keyboard), Is.True);
    }
}
