using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.OneBot.Transports;

namespace OneBotBridge.Tests.Host;

/// <summary>
/// A real Koishi drives the whole bridge: a group @-message from the simulated platform reaches it, and its
/// answer arrives at the platform as a passive reply the platform's rules accept.
/// </summary>
[Category("Koishi")]
public sealed class KoishiThroughTheBridgeTests
{
    private const string GroupOpenId = "D4DE01234567890ABCDEF01234562B91";
    private const string MemberOpenId = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7";

    [OneTimeSetUp]
    public void InstallKoishi() => KoishiProcess.EnsureInstalled();

    [Test]
    public async Task Koishi_answers_a_group_at_message_with_a_passive_reply_the_platform_accepts()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        using var data = new TempDirectory();
        await using var bridge = await RunningBridge.StartAsync(simulator, data);
        await Poll.UntilAsync(() => bridge.Get<BotState>().Good, "the upstream to be ready");
        var address = bridge.Get<OneBotTransports>().ForwardWsAddresses[0];
        using var koishi = KoishiProcess.Start("ws", $"ws://{address.Authority}/", simulator.Options.AppId);
        await koishi.WaitForAsync("ONLINE");

        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = "ROBOT1.0_koishi!",
            ["content"] = " hello koishi",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = new JObject { ["id"] = MemberOpenId, ["member_openid"] = MemberOpenId, ["union_openid"] = MemberOpenId },
            ["group_id"] = GroupOpenId,
            ["group_openid"] = GroupOpenId,
            ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
            ["message_type"] = 0,
            ["attachments"] = new JArray(),
        });

        Assert.That(await koishi.WaitForAsync("MESSAGE"), Is.EqualTo("hello koishi"));
        Assert.That(await koishi.WaitForAsync("SENT"), Does.Match(@"^\d+$"));
        var reply = simulator.Requests.Single(r => r.Method == "POST" && r.Path == $"/v2/groups/{GroupOpenId}/messages");
        var body = JObject.Parse(reply.Body);
        Assert.That(reply.ResponseStatus, Is.EqualTo(200), reply.ResponseBody);
        Assert.That((string?)body["content"], Is.EqualTo("echo: hello koishi"));
        Assert.That((string?)body["msg_id"], Is.EqualTo("ROBOT1.0_koishi!"));
        Assert.That((int?)body["msg_seq"], Is.EqualTo(1));
    }
}
