using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

public sealed class ShardingTests
{
    private QQSimulator _simulator = null!;
    private SimulatorHttp _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _simulator = await QQSimulator.StartAsync(new QQSimulatorOptions
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            RecommendedShards = 2,
            SessionStartRemaining = 2,
        });
        _http = new SimulatorHttp(_simulator);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Test]
    public async Task Each_shard_gets_its_own_session_and_only_its_own_dispatches()
    {
        var token = await _http.GetTokenAsync();
        var (shard1, ready1) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, token, shard: new JArray(1, 2));
        await using var _ = shard1;

        var queuedForShard0 = await _simulator.PushDispatchAsync("GROUP_ADD_ROBOT", new JObject { ["group_openid"] = "A" }, shard: 0);
        var sentOnShard1 = await _simulator.PushDispatchAsync("GROUP_ADD_ROBOT", new JObject { ["group_openid"] = "B" }, shard: 1);
        var received = await shard1.ReceiveAsync();

        var (shard0, ready0) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, token, shard: new JArray(0, 2));
        await using var __ = shard0;
        var delivered = await shard0.ReceiveAsync();

        Assert.That(ready1["d"]!["shard"]!.ToObject<int[]>(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That((string?)ready0["d"]!["session_id"], Is.Not.EqualTo((string?)ready1["d"]!["session_id"]));
        Assert.That(queuedForShard0["s"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That((long?)sentOnShard1["s"], Is.EqualTo(2));
        Assert.That((string?)received["d"]!["group_openid"], Is.EqualTo("B"));
        Assert.That((string?)delivered["d"]!["group_openid"], Is.EqualTo("A"));
    }

    [Test]
    public async Task Gateway_bot_recommends_the_configured_shards()
    {
        var (_, body, _) = await _http.CallAsync(HttpMethod.Get, "/gateway/bot");

        Assert.That((int?)body["shards"], Is.EqualTo(2));
    }

    [Test]
    public async Task Identify_is_refused_with_4008_once_the_session_start_limit_is_spent()
    {
        var token = await _http.GetTokenAsync();
        var (first, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, token, shard: new JArray(0, 2));
        var (second, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, token, shard: new JArray(1, 2));
        await using var _ = first;
        await using var __ = second;
        await using var third = await GatewayTestClient.ConnectAsync(_simulator.GatewayUrl);
        await third.ReceiveAsync();

        await third.SendAsync(GatewayTestClient.Identify(token, 1 << 25, new JArray(0, 2)));

        Assert.That((int?)await third.ReceiveCloseAsync(), Is.EqualTo(4008));
        Assert.That(third.CloseDescription, Does.Contain("session start limit"));
    }

    [Test]
    public void A_dispatch_for_a_shard_that_does_not_exist_is_refused()
    {
        Assert.That(
            async () => await _simulator.PushDispatchAsync("GROUP_ADD_ROBOT", new JObject(), shard: 2),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task An_unknown_OpenAPI_path_gets_a_404_error_body_naming_it()
    {
        var (status, body, _) = await _http.CallAsync(HttpMethod.Get, "/v2/nowhere");

        Assert.That(status, Is.EqualTo(404));
        Assert.That((string?)body["message"], Does.Contain("/v2/nowhere"));
    }
}
