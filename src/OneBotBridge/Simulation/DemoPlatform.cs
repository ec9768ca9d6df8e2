using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>
/// The demo world of <c>simulate</c>: one group, one guild channel and a few users, and the QQ
/// dispatch payloads (shaped as the platform sends them) for messages in it.
/// </summary>
internal sealed class DemoPlatform(QQSimulator simulator, TimeProvider time)
{
    public const string GroupOpenId = "D4DE01234567890ABCDEF01234562B91";
    public const string GuildId = "18700000000001";
    public const string ChannelId = "100010";

    public static readonly DemoUser Alice = new("7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7", "10001001", "Alice");
    public static readonly DemoUser Bob = new("1B2C3D4E5F60718293A4B5C6D7E8F901", "10001002", "Bob");

    /// <summary>Makes this run's message ids new to storage kept from earlier runs, which would take them for repeats.</summary>
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private long _messages;

    public Task GroupAtMessageAsync(DemoUser from, string content, CancellationToken cancellationToken, JArray? attachments = null) =>
        simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = NextMessageId(),
            ["content"] = " " + content,
            ["timestamp"] = Now(),
            ["author"] = new JObject { ["id"] = from.OpenId, ["member_openid"] = from.OpenId, ["union_openid"] = from.OpenId, ["username"] = from.Name },
            ["group_id"] = GroupOpenId,
            ["group_openid"] = GroupOpenId,
            ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
            ["message_type"] = 0,
            ["attachments"] = attachments ?? [],
        }, cancellationToken: cancellationToken);

    public Task C2CMessageAsync(DemoUser from, string content, CancellationToken cancellationToken) =>
        simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject
        {
            ["id"] = NextMessageId(),
            ["content"] = content,
            ["timestamp"] = Now(),
            ["author"] = new JObject { ["id"] = from.OpenId, ["user_openid"] = from.OpenId, ["union_openid"] = from.OpenId },
            ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
            ["message_type"] = 0,
            ["attachments"] = new JArray(),
        }, cancellationToken: cancellationToken);

    public Task GuildAtMessageAsync(DemoUser from, string content, CancellationToken cancellationToken) =>
        simulator.PushDispatchAsync("AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = $"08{_run}{Interlocked.Increment(ref _messages):x8}",
            ["author"] = new JObject { ["id"] = from.GuildUserId, ["username"] = from.Name, ["bot"] = false, ["avatar"] = "http://thirdqq.qlogo.cn/0" },
            ["channel_id"] = ChannelId,
            ["guild_id"] = GuildId,
            ["content"] = $"<@!{simulator.Options.BotUserId}> {content}",
            ["member"] = new JObject { ["joined_at"] = "2021-04-12T16:34:42+08:00", ["roles"] = new JArray("1"), ["nick"] = from.Name },
            ["timestamp"] = Now(),
            ["seq"] = _messages,
            ["seq_in_channel"] = _messages.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["mentions"] = new JArray(new JObject { ["id"] = simulator.Options.BotUserId, ["username"] = simulator.Options.BotUsername, ["bot"] = true }),
        }, cancellationToken: cancellationToken);

    public static JArray ImageAttachment(string fileName) =>
    [
        new JObject
        {
            ["url"] = $"https://multimedia.nt.qq.com.cn/download?appid=1406&fileid={fileName}",
            ["filename"] = fileName,
            ["width"] = 520,
            ["height"] = 524,
            ["size"] = 53851,
            ["content_type"] = "image/jpeg",
            ["content"] = "",
        },
    ];

    private string NextMessageId() => $"ROBOT1.0_{_run}{Interlocked.Increment(ref _messages):D6}!";

    private string Now() => time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A demo user: the openid group and C2C messages carry, and the id guild messages carry.</summary>
internal sealed record DemoUser(string OpenId, string GuildUserId, string Name);
