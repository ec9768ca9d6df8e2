using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>
/// The demo world of <c>simulate</c> — one group, one guild channel, the <see cref="DemoUser"/>s — and its
/// messages, pushed by the simulated platform as the dispatches the real one sends (reference §5) and printed
/// as delivered. Every message gets a fresh platform id, so none looks like a redelivery of an earlier run's.
/// </summary>
internal sealed class DemoPlatform(QQSimulator simulator, SimulationConsole console, TimeProvider time)
{
    public const string GroupOpenId = "D4DE01234567890ABCDEF01234562B91";
    public const string GuildId = "18700000000001";
    public const string ChannelId = "100010";

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly TimeSpan PlatformOffset = TimeSpan.FromHours(8);

    private long _channelSeq;

    /// <summary>An @-message to the bot in the demo group (GROUP_AT_MESSAGE_CREATE).</summary>
    public async Task SayInGroupAsync(DemoMessage message, CancellationToken cancellationToken)
    {
        var d = GroupAtMessage(message);
        await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", d, cancellationToken: cancellationToken);
        console.Delivered($"{ChatName.Group(GroupOpenId)}: {message.From.Name}: {message.Describe((string)d["content"]!)}");
    }

    /// <summary>A private message to the bot (C2C_MESSAGE_CREATE).</summary>
    public async Task SayPrivatelyAsync(DemoMessage message, CancellationToken cancellationToken)
    {
        var d = C2CMessage(message);
        await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", d, cancellationToken: cancellationToken);
        console.Delivered($"{ChatName.User(message.From.OpenId)}: {message.From.Name}: {message.Describe((string)d["content"]!)}");
    }

    /// <summary>A message that @s the bot in the demo guild channel (AT_MESSAGE_CREATE).</summary>
    public async Task SayInChannelAsync(DemoMessage message, CancellationToken cancellationToken)
    {
        var d = ChannelAtMessage(message);
        await simulator.PushDispatchAsync("AT_MESSAGE_CREATE", d, cancellationToken: cancellationToken);
        console.Delivered($"{ChatName.Channel(ChannelId)}: {message.From.Name}: {message.Describe((string)d["content"]!)}");
    }

    /// <summary>The platform removes the @bot from group content, leaving a leading space.</summary>
    internal JObject GroupAtMessage(DemoMessage message) => new()
    {
        ["id"] = RobotMessageId(),
        ["content"] = " " + message.Content,
        ["timestamp"] = Timestamp(),
        ["author"] = new JObject
        {
            ["id"] = message.From.OpenId,
            ["member_openid"] = message.From.OpenId,
            ["union_openid"] = message.From.OpenId,
            ["username"] = message.From.Name,
        },
        ["group_id"] = GroupOpenId,
        ["group_openid"] = GroupOpenId,
        ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
        ["message_type"] = 0,
        ["attachments"] = message.Attachments(),
    };

    internal JObject C2CMessage(DemoMessage message) => new()
    {
        ["id"] = RobotMessageId(),
        ["content"] = message.Content,
        ["timestamp"] = Timestamp(),
        ["author"] = new JObject
        {
            ["id"] = message.From.OpenId,
            ["user_openid"] = message.From.OpenId,
            ["union_openid"] = message.From.OpenId,
        },
        ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
        ["message_type"] = 0,
        ["attachments"] = message.Attachments(),
    };

    /// <summary>Guild content keeps the @bot: it starts with <c>&lt;@!BOTID&gt; </c>, and <c>mentions</c> lists the bot first.</summary>
    internal JObject ChannelAtMessage(DemoMessage message)
    {
        var seq = Interlocked.Increment(ref _channelSeq);
        var bot = new JObject { ["id"] = simulator.Options.BotUserId, ["username"] = simulator.Options.BotUsername, ["bot"] = true };
        var mentions = message.Mentions.Select(user => new JObject { ["id"] = user.GuildUserId, ["username"] = user.Name, ["bot"] = false });
        return new JObject
        {
            ["id"] = "08" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["author"] = new JObject
            {
                ["id"] = message.From.GuildUserId,
                ["username"] = message.From.Name,
                ["bot"] = false,
                ["avatar"] = "http://thirdqq.qlogo.cn/0",
            },
            ["channel_id"] = ChannelId,
            ["guild_id"] = GuildId,
            ["content"] = $"<@!{simulator.Options.BotUserId}> {message.Content}",
            ["member"] = new JObject { ["joined_at"] = "2021-04-12T16:34:42+08:00", ["roles"] = new JArray("1"), ["nick"] = message.From.Name },
            ["timestamp"] = Timestamp(),
            ["seq"] = seq,
            ["seq_in_channel"] = seq.ToString(CultureInfo.InvariantCulture),
            ["mentions"] = new JArray(mentions.Prepend(bot)),
            ["attachments"] = message.GuildAttachments(),
        };
    }

    private static string RobotMessageId() => "ROBOT1.0_" + RandomNumberGenerator.GetString(Alphanumeric, 22) + "!";

    /// <summary>RFC 3339 in the platform's time zone, as it writes message timestamps.</summary>
    private string Timestamp() =>
        time.GetUtcNow().ToOffset(PlatformOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
