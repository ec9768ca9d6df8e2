using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

public sealed class ControlApiTests
{
    private QQSimulator _simulator = null!;
    private SimulatorHttp _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        _http = new SimulatorHttp(_simulator);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Test]
    public async Task Dispatch_pushes_an_event_that_a_client_receives_after_READY()
    {
        var (status, envelope) = await ControlAsync("/_sim/dispatch", """{"t":"GROUP_ADD_ROBOT","d":{"group_openid":"G"},"id":"GROUP_ADD_ROBOT:fixed"}""");

        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, await _http.GetTokenAsync());
        await using var _ = client;
        var delivered = await client.ReceiveAsync();

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string?)envelope["id"], Is.EqualTo("GROUP_ADD_ROBOT:fixed"));
        Assert.That((string?)delivered["id"], Is.EqualTo("GROUP_ADD_ROBOT:fixed"));
        Assert.That((string?)delivered["d"]!["group_openid"], Is.EqualTo("G"));
    }

    [Test]
    public async Task Close_closes_every_gateway_socket_with_the_code()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, await _http.GetTokenAsync());
        await using var _ = client;

        var (status, _) = await ControlAsync("/_sim/close?code=4009");

        Assert.That(status, Is.EqualTo(204));
        Assert.That((int?)await client.ReceiveCloseAsync(), Is.EqualTo(4009));
    }

    [Test]
    public async Task Drop_reconnect_and_invalid_session_reach_the_gateway()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_simulator.GatewayUrl, await _http.GetTokenAsync());
        await using (client)
        {
            await ControlAsync("/_sim/reconnect");
            Assert.That((int?)(await client.ReceiveAsync())["op"], Is.EqualTo(7));
            await ControlAsync("/_sim/invalid-session");
            Assert.That((int?)(await client.ReceiveAsync())["op"], Is.EqualTo(9));
            await ControlAsync("/_sim/drop");
        }

        Assert.That(_simulator.ActiveConnections, Is.Zero);
    }

    [Test]
    public async Task Fail_acks_and_expire_tokens_set_the_faults()
    {
        var token = await _http.GetTokenAsync();

        await ControlAsync("/_sim/fail?count=1&status=429&retryAfter=2");
        var (failed, _, response) = await _http.CallAsync(HttpMethod.Get, "/gateway", token: token);
        await ControlAsync("/_sim/acks?enabled=false");
        await ControlAsync("/_sim/expire-tokens");
        var (expired, body, _) = await _http.CallAsync(HttpMethod.Get, "/gateway", token: token);

        Assert.That(failed, Is.EqualTo(429));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(_simulator.HeartbeatAcksEnabled, Is.False);
        Assert.That(expired, Is.EqualTo(401));
        Assert.That((long?)body["code"], Is.EqualTo(11244));
    }

    [Test]
    public async Task Requests_lists_the_recorded_requests()
    {
        await _http.CallAsync(HttpMethod.Get, "/users/@me");

        using var client = new HttpClient();
        var requests = JArray.Parse(await client.GetStringAsync(_simulator.ApiBase + "/_sim/requests"));

        Assert.That(requests.Select(request => (string?)request["path"]), Is.EqualTo(new[] { "/app/getAppAccessToken", "/users/@me" }));
        Assert.That((int?)requests[1]["response_status"], Is.EqualTo(200));
    }

    [TestCase("/_sim/close?code=12")]
    [TestCase("/_sim/fail?count=x&status=500")]
    [TestCase("/_sim/acks?enabled=maybe")]
    [TestCase("/_sim/dispatch")]
    public async Task Bad_control_input_gets_400_with_a_message(string path)
    {
        var (status, body) = await ControlAsync(path, "{}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That((string?)body["message"], Is.Not.Empty);
    }

    private async Task<(int Status, JToken Body)> ControlAsync(string path, string body = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _simulator.ApiBase + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var (status, response, _) = await _http.SendAsync(request);
        return (status, response);
    }
}
