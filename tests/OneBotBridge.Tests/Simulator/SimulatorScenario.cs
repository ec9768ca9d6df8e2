using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Simulator;

/// <summary>A simulator on a manual clock, a raw HTTP client with a token, and helpers that push events.</summary>
internal sealed class SimulatorScenario : IAsyncDisposable
{
    public const string Group = "D4DE01234567890ABCDEF01234562B91";
    public const string OtherGroup = "0000000000000000000000000000AAAA";
    public const string User = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7";
    public const string Channel = "100010";
    public const string Guild = "18700000000001";
    public const string DirectGuild = "18700000000999";

    private string? _token;

    private SimulatorScenario(QQSimulator simulator, ManualTimeProvider clock)
    {
        Simulator = simulator;
        Clock = clock;
        Http = new SimulatorHttp(simulator);
    }

    public QQSimulator Simulator { get; }

    public ManualTimeProvider Clock { get; }

    public SimulatorHttp Http { get; }

    public static async Task<SimulatorScenario> StartAsync()
    {
        var clock = new ManualTimeProvider();
        return new SimulatorScenario(await QQSimulator.StartAsync(new QQSimulatorOptions { TimeProvider = clock }), clock);
    }

    public async Task<(int Status, JToken Body)> CallAsync(HttpMethod method, string path, JToken? body = null)
    {
        _token ??= await Http.GetTokenAsync();
        var (status, response, _) = await Http.CallAsync(method, path, body, _token);
        return (status, response);
    }

    public Task<(int Status, JToken Body)> PostAsync(string path, JToken body) => CallAsync(HttpMethod.Post, path, body);

    public async Task<string> PushGroupMessageAsync(string group = Group)
    {
        var id = "ROBOT1.0_" + Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["content"] = " hello",
            ["timestamp"] = "2025-02-15T16:35:23+08:00",
            ["author"] = new JObject { ["id"] = User, ["member_openid"] = User },
            ["group_id"] = group,
            ["group_openid"] = group,
        });
        return id;
    }

    public async Task<string> PushC2CMessageAsync()
    {
        var id = "ROBOT1.0_" + Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["content"] = "hello",
            ["author"] = new JObject { ["id"] = User, ["user_openid"] = User },
        });
        return id;
    }

    public async Task<string> PushChannelMessageAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        await Simulator.PushDispatchAsync("AT_MESSAGE_CREATE", new JObject
        {
            ["id"] = id,
            ["channel_id"] = Channel,
            ["guild_id"] = Guild,
            ["content"] = "<@!6158788878435714165> hello",
            ["author"] = new JObject { ["id"] = "1234", ["username"] = "abc", ["bot"] = false },
        });
        return id;
    }

    /// <summary>Pushes an event and returns its envelope id.</summary>
    public async Task<string> PushEventAsync(string type, JObject data) =>
        (string)(await Simulator.PushDispatchAsync(type, data))["id"]!;

    public static JObject Text(string? msgId = null, long? msgSeq = null, string? eventId = null)
    {
        var body = new JObject { ["msg_type"] = 0, ["content"] = "reply" };
        if (msgId is not null)
        {
            body["msg_id"] = msgId;
        }

        if (msgSeq is not null)
        {
            body["msg_seq"] = msgSeq;
        }

        if (eventId is not null)
        {
            body["event_id"] = eventId;
        }

        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
