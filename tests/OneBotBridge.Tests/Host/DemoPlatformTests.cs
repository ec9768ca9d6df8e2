using OneBotBridge.Simulation;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Host;

/// <summary>The demo's dispatch payloads are shaped as the platform sends them (reference §5).</summary>
public sealed class DemoPlatformTests
{
    private static readonly DateTimeOffset Now = new(2025, 2, 15, 8, 35, 23, TimeSpan.Zero);

    private static async Task<(QQSimulator Simulator, DemoPlatform Platform)> StartAsync()
    {
        var simulator = await QQSimulator.StartAsync();
        return (simulator, new DemoPlatform(simulator, new SimulationConsole(TextWriter.Null), new ManualTimeProvider(Now)));
    }

    [Test]
    public async Task A_group_at_message_has_the_leading_space_the_platform_leaves_and_its_attachments()
    {
        var (simulator, platform) = await StartAsync();
        await using var _ = simulator;

        var d = platform.GroupAtMessage(new DemoMessage(DemoUser.Bob, "look") { Images = ["B43A.jpg"] });

        Assert.Multiple(() =>
        {
            Assert.That((string?)d["id"], Does.StartWith("ROBOT1.0_"));
            Assert.That((string?)d["content"], Is.EqualTo(" look"));
            Assert.That((string?)d["timestamp"], Is.EqualTo("2025-02-15T16:35:23+08:00"));
            Assert.That((string?)d["group_openid"], Is.EqualTo(DemoPlatform.GroupOpenId));
            Assert.That((string?)d["author"]!["member_openid"], Is.EqualTo(DemoUser.Bob.OpenId));
            Assert.That((string?)d["attachments"]![0]!["url"], Does.StartWith("https://").And.Contain("B43A.jpg"));
            Assert.That((string?)d["attachments"]![0]!["content_type"], Is.EqualTo("image/jpeg"));
        });
    }

    [Test]
    public async Task A_channel_message_mentions_the_bot_first_and_carries_scheme_less_attachment_urls()
    {
        var (simulator, platform) = await StartAsync();
        await using var _ = simulator;

        var d = platform.ChannelAtMessage(new DemoMessage(DemoUser.Bob, "hi") { Mentions = [DemoUser.Alice], Images = ["C51F.jpg"] });

        Assert.Multiple(() =>
        {
            Assert.That((string?)d["content"], Is.EqualTo($"<@!{simulator.Options.BotUserId}> hi"));
            Assert.That(d["mentions"]!.Select(mention => (string?)mention["id"]), Is.EqualTo(new[] { simulator.Options.BotUserId, DemoUser.Alice.GuildUserId }));
            Assert.That((bool?)d["mentions"]![0]!["bot"], Is.True);
            Assert.That((string?)d["author"]!["id"], Is.EqualTo(DemoUser.Bob.GuildUserId));
            Assert.That((string?)d["channel_id"], Is.EqualTo(DemoPlatform.ChannelId));
            Assert.That((string?)d["guild_id"], Is.EqualTo(DemoPlatform.GuildId));
            Assert.That((string?)d["attachments"]![0]!["url"], Does.StartWith("gchat.qpic.cn/"));
        });
    }

    [Test]
    public async Task Every_message_gets_a_fresh_platform_id_so_no_run_repeats_another()
    {
        var (simulator, platform) = await StartAsync();
        await using var _ = simulator;
        var message = new DemoMessage(DemoUser.Alice, "same words");

        var ids = Enumerable.Range(0, 50)
            .SelectMany(_ => new[] { platform.GroupAtMessage(message), platform.C2CMessage(message), platform.ChannelAtMessage(message) })
            .Select(d => (string?)d["id"])
            .ToList();

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task Pushing_a_message_prints_it_as_delivered()
    {
        await using var simulator = await QQSimulator.StartAsync();
        var output = new LineCapture();
        var platform = new DemoPlatform(simulator, new SimulationConsole(output), new ManualTimeProvider(Now));

        await platform.SayPrivatelyAsync(new DemoMessage(DemoUser.You, $"hi {DemoMessage.Face}") { Images = ["A1.png"] }, CancellationToken.None);

        Assert.That(output.Lines, Is.EqualTo(new[] { $"QQ platform → user 5E6F7081…: you: hi {DemoMessage.Face} [image A1.png]" }));
    }
}
