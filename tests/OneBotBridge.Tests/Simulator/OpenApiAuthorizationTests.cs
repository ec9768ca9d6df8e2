using System.Net.Http.Headers;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

public sealed class OpenApiAuthorizationTests
{
    private QQSimulator _simulator = null!;
    private SimulatorHttp _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _simulator = await QQSimulator.StartAsync();
        _http = new SimulatorHttp(_simulator);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Test]
    public async Task A_valid_QQBot_token_and_app_id_get_the_bot_user()
    {
        var (status, body, response) = await _http.CallAsync(HttpMethod.Get, "/users/@me");

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string?)body["id"], Is.EqualTo(_simulator.Options.BotUserId));
        Assert.That(response.Headers.Contains("X-Tps-trace-ID"), Is.True);
    }

    [TestCase(null, 11241)]
    [TestCase("Bearer abc", 11241)]
    [TestCase("Bot 102000001.sometoken", 11245)]
    [TestCase("QQBot not-a-token", 11244)]
    public async Task A_bad_authorization_header_is_refused_with_its_code(string? authorization, long code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _simulator.ApiBase + "/users/@me");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        request.Headers.Add("X-Union-Appid", _simulator.Options.AppId);
        var (status, body, response) = await _http.SendAsync(request);

        Assert.That(status, Is.EqualTo(401));
        Assert.That((long?)body["code"], Is.EqualTo(code));
        Assert.That((long?)body["err_code"], Is.EqualTo(code));
        Assert.That((string?)body["trace_id"], Is.EqualTo(response.Headers.GetValues("X-Tps-trace-ID").Single()));
    }

    [Test]
    public async Task A_missing_X_Union_Appid_is_refused()
    {
        var token = await _http.GetTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, _simulator.ApiBase + "/users/@me");
        request.Headers.Authorization = new AuthenticationHeaderValue("QQBot", token);

        var (status, body, _) = await _http.SendAsync(request);

        Assert.That(status, Is.EqualTo(401));
        Assert.That((long?)body["code"], Is.EqualTo(11261));
    }

    [Test]
    public async Task Gateway_bot_reports_shards_and_a_session_start_limit()
    {
        var (status, body, _) = await _http.CallAsync(HttpMethod.Get, "/gateway/bot");

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string?)body["url"], Is.EqualTo(_simulator.GatewayUrl));
        Assert.That((int?)body["shards"], Is.EqualTo(1));
        Assert.That((int?)body["session_start_limit"]!["total"], Is.EqualTo(1000));
        Assert.That((int?)body["session_start_limit"]!["remaining"], Is.EqualTo(1000));
        Assert.That((int?)body["session_start_limit"]!["max_concurrency"], Is.EqualTo(1));
        Assert.That((long?)body["session_start_limit"]!["reset_after"], Is.GreaterThan(0));
    }

    [Test]
    public async Task Every_request_is_recorded_with_its_answer()
    {
        await _http.CallAsync(HttpMethod.Get, "/gateway");

        var recorded = _simulator.Requests;

        Assert.That(recorded.Select(request => request.Path), Is.EqualTo(new[] { "/app/getAppAccessToken", "/gateway" }));
        Assert.That(recorded[1].ResponseStatus, Is.EqualTo(200));
        Assert.That(recorded[1].ResponseBody, Does.Contain(_simulator.GatewayUrl));
        Assert.That(recorded[0].Body, Does.Contain("clientSecret"));
    }
}
