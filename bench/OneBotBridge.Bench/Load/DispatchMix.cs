using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Bench.Load;

/// <summary>
/// A realistic mix of the platform's message dispatches, shaped as the protocol fixtures show them: half
/// group @-messages, 30 % private (C2C), 20 % guild channel @-messages; in each, plain text (some of it
/// Chinese), a face, mentions or an image attachment, from many groups, users and channels. Every message
/// carries its sequence number in its text (<see cref="Marker"/>N) for the clients to find in whatever
/// the bridge makes of it, and a fresh id, so the bridge never takes it for a redelivery.
/// </summary>
internal sealed class DispatchMix
{
    public const string GroupMessage = "GROUP_AT_MESSAGE_CREATE";
    public const string C2CMessage = "C2C_MESSAGE_CREATE";
    public const string GuildMessage = "AT_MESSAGE_CREATE";
    public const string MarkerText = "bench-seq-";

    private const string GroupFace = "<faceType=1,faceId=\"277\",ext=\"eyJ0ZXh0Ijoi5rGq5rGqIn0=\">";
    private const string GuildFace = "<emoji:277>";
    private const string GuildId = "18700000000001";
    private static readonly TimeSpan PlatformOffset = TimeSpan.FromHours(8);
    private static readonly string[] Phrases =
    [
        "hello bot, what's the weather like today?",
        "今天天气怎么样？",
        "/echo 你好，世界",
        "roll 1d20 please",
        "帮我查一下明天的课程表",
        "ping",
    ];

    private readonly string _botUserId;
    private readonly string _runTag = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..4]);
    private readonly ulong _idKey = (ulong)Random.Shared.NextInt64();
    private readonly string[] _groups;
    private readonly string[] _members;
    private readonly string[] _c2cUsers;
    private readonly string[] _channels;
    private readonly string[] _guildUsers;

    public DispatchMix(string botUserId)
    {
        _botUserId = botUserId;
        var random = new Random(20250313);
        _groups = OpenIds(random, 64);
        _members = OpenIds(random, 512);
        _c2cUsers = OpenIds(random, 128);
        _channels = [.. Enumerable.Range(0, 8).Select(i => (1100000001 + i).ToString(CultureInfo.InvariantCulture))];
        _guildUsers = [.. Enumerable.Range(0, 64).Select(_ => random.NextInt64(10_000_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture))];
    }

    public static ReadOnlySpan<byte> Marker => "bench-seq-"u8;

    public int GroupCount => _groups.Length;

    /// <summary>Message <paramref name="seq"/> of the mix.</summary>
    public (string Type, JObject Data) Create(long seq) => (seq % 10) switch
    {
        < 5 => (GroupMessage, Group(seq, (int)(seq % _groups.Length))),
        < 8 => (C2CMessage, C2C(seq)),
        _ => (GuildMessage, Guild(seq)),
    };

    /// <summary>A group @-message in group <paramref name="group"/> (0 ≤ group &lt; <see cref="GroupCount"/>).</summary>
    public JObject Group(long seq, int group)
    {
        var author = Pick(_members, seq * 7);
        var data = new JObject
        {
            ["id"] = RobotMessageId(seq),
            ["content"] = " " + Content(seq, GroupFace),
            ["timestamp"] = Timestamp(),
            ["author"] = new JObject { ["id"] = author, ["member_openid"] = author, ["union_openid"] = author },
            ["group_id"] = _groups[group],
            ["group_openid"] = _groups[group],
            ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
            ["message_type"] = 0,
        };
        switch (Variant(seq))
        {
            case ContentVariant.Mention:
                var mentioned = Pick(_members, seq * 13);
                data["mentions"] = new JArray(
                    new JObject { ["member_openid"] = "BOT" + _botUserId, ["is_you"] = true },
                    new JObject { ["member_openid"] = mentioned, ["username"] = "member" + mentioned[..4] });
                break;
            case ContentVariant.Image:
                data["attachments"] = new JArray(Image(seq, $"https://multimedia.nt.qq.com.cn/download?appid=1407&fileid={seq:x}"));
                break;
        }

        return data;
    }

    private JObject C2C(long seq)
    {
        var author = Pick(_c2cUsers, seq * 3);
        var data = new JObject
        {
            ["id"] = RobotMessageId(seq),
            ["content"] = Content(seq, GroupFace),
            ["timestamp"] = Timestamp(),
            ["author"] = new JObject { ["id"] = author, ["user_openid"] = author, ["union_openid"] = author },
            ["message_scene"] = new JObject { ["source"] = "default", ["callback_data"] = "" },
            ["message_type"] = 0,
        };
        if (Variant(seq) == ContentVariant.Image)
        {
            data["attachments"] = new JArray(Image(seq, $"https://multimedia.nt.qq.com.cn/download?appid=1406&fileid={seq:x}"));
        }

        return data;
    }

    /// <summary>Guild content keeps the @bot in front; <c>mentions</c> lists the bot first.</summary>
    private JObject Guild(long seq)
    {
        var author = Pick(_guildUsers, seq * 5);
        var mentions = new JArray(new JObject { ["id"] = _botUserId, ["username"] = "bench bot", ["bot"] = true });
        var content = $"<@!{_botUserId}> {Content(seq, GuildFace)}";
        if (Variant(seq) == ContentVariant.Mention)
        {
            var mentioned = Pick(_guildUsers, seq * 11);
            content += $" <@!{mentioned}>";
            mentions.Add(new JObject { ["id"] = mentioned, ["username"] = "user" + mentioned[..4], ["bot"] = false });
        }

        var data = new JObject
        {
            ["id"] = "08" + _runTag.ToLowerInvariant() + seq.ToString("x24", CultureInfo.InvariantCulture),
            ["author"] = new JObject { ["id"] = author, ["username"] = "user" + author[..4], ["bot"] = false, ["avatar"] = "http://thirdqq.qlogo.cn/0" },
            ["channel_id"] = Pick(_channels, seq),
            ["guild_id"] = GuildId,
            ["content"] = content,
            ["member"] = new JObject { ["joined_at"] = "2021-04-12T16:34:42+08:00", ["roles"] = new JArray("1"), ["nick"] = "nick" + author[..4] },
            ["timestamp"] = Timestamp(),
            ["seq"] = seq,
            ["seq_in_channel"] = seq.ToString(CultureInfo.InvariantCulture),
            ["mentions"] = mentions,
        };
        if (Variant(seq) == ContentVariant.Image)
        {
            data["attachments"] = new JArray(Image(seq, $"gchat.qpic.cn/qmeetpic/0/0-0-{seq:X}/0"));
        }

        return data;
    }

    private static string Content(long seq, string face)
    {
        var text = $"{MarkerText}{seq} {Phrases[seq % Phrases.Length]}";
        return Variant(seq) == ContentVariant.Face ? face + text : text;
    }

    private static ContentVariant Variant(long seq) => (ContentVariant)(seq / 10 % 4);

    private static JObject Image(long seq, string url) => new()
    {
        ["content_type"] = "image/jpeg",
        ["filename"] = $"{seq:X}.jpg",
        ["height"] = 524,
        ["width"] = 520,
        ["size"] = 53851,
        ["url"] = url,
    };

    /// <summary>
    /// Like the platform's, opaque and in no order: a store indexing them finds each new one on a random page, as it
    /// would in production (ids in push order would always land on the last).
    /// </summary>
    private string RobotMessageId(long seq)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Scramble(_idKey ^ (ulong)seq));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], Scramble(~_idKey ^ (ulong)seq));
        return "ROBOT1.0_" + Base64Url.EncodeToString(bytes);
    }

    /// <summary>SplitMix64's finalizer: a bijection, so distinct seqs give distinct ids.</summary>
    private static ulong Scramble(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static string Pick(string[] values, long key) => values[key % values.Length];

    private static string[] OpenIds(Random random, int count)
    {
        var bytes = new byte[16];
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            random.NextBytes(bytes);
            return Convert.ToHexString(bytes);
        })];
    }

    /// <summary>Now, as the platform writes message timestamps: the reply windows count from it.</summary>
    private static string Timestamp() =>
        DateTimeOffset.UtcNow.ToOffset(PlatformOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private enum ContentVariant
    {
        Text,
        Face,
        Mention,
        Image,
    }
}
