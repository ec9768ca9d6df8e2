using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Outbound;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Roster;
using OneBotBridge.Core.Storage;
using OneBotBridge.OneBot;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core.Outbound;

/// <summary>
/// The Core state objects, the OpenAPI client and the simulator on one manual clock, wired with the outbound
/// services into a real action dispatcher. Seeds received messages the way the inbound side records them.
/// </summary>
internal sealed class OutboundHarness : IAsyncDisposable
{
    public const string Group = "D4DE01234567890ABCDEF01234562B91";
    public const string Member = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7";
    public const string OtherMember = "11111111111111111111111111111111";
    public const string User = "AAAA0B1C2D3E4F5A6B7C8D9E0F1ABC7";
    public const string Channel = "100010";
    public const string Guild = "18700000000001";
    public const string GuildUser = "1234";
    public const string DirectGuild = "18700000000999";

    private readonly ServiceProvider _services;
    private readonly HttpClient _http;

    private OutboundHarness(QQSimulator simulator, ManualTimeProvider clock, ServiceProvider services, HttpClient http, string tempDir)
    {
        Simulator = simulator;
        Clock = clock;
        _services = services;
        _http = http;
        TempDir = tempDir;
    }

    public QQSimulator Simulator { get; }

    public ManualTimeProvider Clock { get; }

    public string TempDir { get; }

    public IdMap Ids => _services.GetRequiredService<IdMap>();

    public MessageStore Messages => _services.GetRequiredService<MessageStore>();

    public ReplyContextBook Replies => _services.GetRequiredService<ReplyContextBook>();

    public PendingSends Pending => _services.GetRequiredService<PendingSends>();

    public ChatRoster Roster => _services.GetRequiredService<ChatRoster>();

    public MessageSender Sender => _services.GetRequiredService<MessageSender>();

    public BotState Bot => _services.GetRequiredService<BotState>();

    public IEnumerable<RecordedRequest> Sends(string pathSuffix) =>
        Simulator.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public static async Task<OutboundHarness> StartAsync(HoldUnreplyableOptions? hold = null, IBridgeStore? store = null, ILoggerProvider? logs = null)
    {
        var clock = new ManualTimeProvider();
        var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { TimeProvider = clock });
        var http = new HttpClient();
        var qq = new QQOptions
        {
            AppId = simulator.Options.AppId,
            ClientSecret = simulator.Options.ClientSecret,
            ApiBase = simulator.ApiBase,
            TokenUrl = simulator.TokenUrl,
        };
        var retry = new HttpRetryOptions { MaxRetries = 1, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(10) };
        var tokens = new QQTokenSource(http, qq, clock, NullLogger<QQTokenSource>.Instance, retry);
        store ??= new InMemoryBridgeStore();
        var tempDir = Path.Combine(Path.GetTempPath(), "onebotbridge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(tempDir, "allowed"));

        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new QQOpenApiClient(http, tokens, qq, clock, NullLogger<QQOpenApiClient>.Instance, retry))
            .AddSingleton(await IdMap.LoadAsync(store, new IdOptions(), NullLogger<IdMap>.Instance, CancellationToken.None))
            .AddSingleton(new MessageStore(store, new StorageOptions(), clock))
            .AddSingleton(await ReplyContextBook.LoadAsync(store, new ReplyOptions(), clock, CancellationToken.None))
            .AddSingleton(new PendingSends(hold ?? new HoldUnreplyableOptions(), clock))
            .AddSingleton<ChatRoster>()
            .AddSingleton(new BotState { SelfId = 3_000_000_001, Nickname = "bridge bot" })
            .AddSingleton(new OneBotOptions())
            .AddSingleton(new MediaOptions { AllowedDirs = [Path.Combine(tempDir, "allowed")], MaxBytes = 1024 })
            .AddOneBotProtocol()
            .AddBridgeOutbound()
            .BuildServiceProvider();
        return new OutboundHarness(simulator, clock, services, http, tempDir);
    }

    public Task<ActionResponse> CallAsync(string action, JObject parameters) =>
        _services.GetRequiredService<IActionDispatcher>().DispatchAsync(new ActionRequest(action, parameters), CancellationToken.None);

    /// <summary>A group @-message from <paramref name="member"/>, pushed to the simulator and recorded as the inbound side would.</summary>
    public async Task<Received> ReceiveGroupMessageAsync(string member = Member, string nickname = "alice")
    {
        var id = "ROBOT1.0_" + Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["content"] = " hello",
            ["timestamp"] = "2025-02-15T16:35:23+08:00",
            ["author"] = new JObject { ["id"] = member, ["member_openid"] = member },
            ["group_id"] = Group,
            ["group_openid"] = Group,
        });
        var target = ChatTarget.Group(await Ids.GetNumberAsync(new PlatformId(IdKind.GroupOpenId, Group), CancellationToken.None));
        var user = await Ids.GetUserNumberAsync(new PlatformId(IdKind.MemberOpenId, member), null, CancellationToken.None);
        return await RecordAsync(target, user, id, nickname);
    }

    public async Task<Received> ReceiveC2CMessageAsync()
    {
        var id = "ROBOT1.0_" + Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["content"] = "hello",
            ["author"] = new JObject { ["id"] = User, ["user_openid"] = User },
        });
        var user = await Ids.GetUserNumberAsync(new PlatformId(IdKind.UserOpenId, User), null, CancellationToken.None);
        return await RecordAsync(ChatTarget.C2C(user), user, id, "bob");
    }

    public async Task<Received> ReceiveChannelMessageAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["channel_id"] = Channel,
            ["guild_id"] = Guild,
            ["content"] = "<@!6158788878435714165> hello",
            ["author"] = new JObject { ["id"] = GuildUser, ["username"] = "carol", ["bot"] = false },
        });
        var target = ChatTarget.GuildChannel(await Ids.GetNumberAsync(new PlatformId(IdKind.ChannelId, Channel), CancellationToken.None));
        var user = await Ids.GetNumberAsync(new PlatformId(IdKind.GuildUserId, GuildUser), CancellationToken.None);
        return await RecordAsync(target, user, id, "carol");
    }

    public async Task<Received> ReceiveDirectMessageAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("DIRECT_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["channel_id"] = "200020",
            ["guild_id"] = DirectGuild,
            ["src_guild_id"] = Guild,
            ["content"] = "hello",
            ["author"] = new JObject { ["id"] = GuildUser, ["username"] = "carol", ["bot"] = false },
        });
        var user = await Ids.GetNumberAsync(new PlatformId(IdKind.GuildUserId, GuildUser), CancellationToken.None);
        await Ids.AttachAsync(new PlatformId(IdKind.DirectMessageGuild, DirectGuild), user, CancellationToken.None);
        return await RecordAsync(ChatTarget.GuildDirect(user), user, id, "carol");
    }

    /// <summary>A message the simulator never sent, recorded in Core only: QQ will call its msg_id invalid.</summary>
    public async Task<Received> RecordUnknownGroupMessageAsync()
    {
        var target = ChatTarget.Group(await Ids.GetNumberAsync(new PlatformId(IdKind.GroupOpenId, Group), CancellationToken.None));
        var user = await Ids.GetUserNumberAsync(new PlatformId(IdKind.MemberOpenId, Member), null, CancellationToken.None);
        return await RecordAsync(target, user, "ROBOT1.0_" + Guid.NewGuid().ToString("N"), "alice");
    }

    /// <summary>The bot added to the group: only an event_id to reply to.</summary>
    public async Task<(ChatTarget Target, string EventId)> ReceiveGroupAddAsync()
    {
        var envelope = await Simulator.PushDispatchAsync(
            "GROUP_ADD_ROBOT", new JObject { ["timestamp"] = 1741880682, ["group_openid"] = Group, ["op_member_openid"] = Member });
        var eventId = (string)envelope["id"]!;
        var target = ChatTarget.Group(await Ids.GetNumberAsync(new PlatformId(IdKind.GroupOpenId, Group), CancellationToken.None));
        await Replies.RecordEventAsync(target, eventId, null, CancellationToken.None);
        Roster.SawChat(target, Clock.GetUtcNow());
        return (target, eventId);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        _http.Dispose();
        if (Directory.Exists(TempDir))
        {
            Directory.Delete(TempDir, recursive: true);
        }
    }

    private async Task<Received> RecordAsync(ChatTarget target, long user, string platformId, string nickname)
    {
        var now = Clock.GetUtcNow();
        Replies.RecordMessage(target, user, platformId, now);
        var messageId = await Messages.RecordAsync(
            new MessageDraft(platformId, target, user, MessageDirection.Received, now, """[{"type":"text","data":{"text":"hello"}}]"""),
            CancellationToken.None);
        Roster.Saw(target, user, nickname, "", "member", now);
        return new Received(target, user, platformId, messageId);
    }

    public sealed record Received(ChatTarget Target, long User, string PlatformId, int MessageId);
}
