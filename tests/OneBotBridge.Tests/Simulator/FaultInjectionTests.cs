using Newtonsoft.Json.Linq;

namespace OneBotBridge.Tests.Simulator;

public sealed class FaultInjectionTests
{
    private SimulatorScenario _scenario = null!;

    [SetUp]
    public async Task StartAsync() => _scenario = await SimulatorScenario.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _scenario.DisposeAsync();

    [Test]
    public async Task The_next_N_OpenAPI_calls_fail_with_the_given_5xx_then_calls_work_again()
    {
        var token = await _scenario.Http.GetTokenAsync();
        _scenario.Simulator.FailNextApiCalls(2, 503);

        var (tokenStatus, _, _) = await _scenario.Http.PostTokenAsync(_scenario.Simulator.Options.AppId, _scenario.Simulator.Options.ClientSecret);
        var (first, firstBody, _) = await _scenario.Http.CallAsync(HttpMethod.Get, "/gateway", token: token);
        var (second, _, _) = await _scenario.Http.CallAsync(HttpMethod.Get, "/gateway", token: token);
        var (third, _, _) = await _scenario.Http.CallAsync(HttpMethod.Get, "/gateway", token: token);

        Assert.That(tokenStatus, Is.EqualTo(200));
        Assert.That(first, Is.EqualTo(503));
        Assert.That((long?)firstBody["code"], Is.EqualTo(503));
        Assert.That(second, Is.EqualTo(503));
        Assert.That(third, Is.EqualTo(200));
    }

    [Test]
    public async Task A_429_carries_Retry_After()
    {
        var token = await _scenario.Http.GetTokenAsync();
        _scenario.Simulator.FailNextApiCalls(1, 429, TimeSpan.FromSeconds(3));

        var (status, _, response) = await _scenario.Http.CallAsync(HttpMethod.Get, "/gateway", token: token);

        Assert.That(status, Is.EqualTo(429));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task Failed_calls_are_recorded_with_their_answer()
    {
        var token = await _scenario.Http.GetTokenAsync();
        _scenario.Simulator.FailNextApiCalls(1, 500);

        await _scenario.Http.CallAsync(HttpMethod.Post, $"/v2/groups/{SimulatorScenario.Group}/messages", SimulatorScenario.Text(), token);

        var recorded = _scenario.Simulator.Requests.Last();
        Assert.That(recorded.Method, Is.EqualTo("POST"));
        Assert.That(recorded.ResponseStatus, Is.EqualTo(500));
        Assert.That(recorded.Body, Does.Contain("\"content\":\"reply\""));
        Assert.That(recorded.Headers["X-Union-Appid"], Is.EqualTo(_scenario.Simulator.Options.AppId));
        Assert.That(recorded.At, Is.EqualTo(_scenario.Clock.GetUtcNow()));
    }

    [Test]
    public async Task RespondNext_answers_once_per_call_in_order_instead_of_the_handler()
    {
        const string path = "/v2/groups/" + SimulatorScenario.Group + "/messages";
        _scenario.Simulator.RespondNext("POST", path, 200, """{"id":"ROBOT1.0_canned","timestamp":"2025-03-13T23:30:49+08:00"}""");
        _scenario.Simulator.RespondNext("post", path, 502, "bad gateway");

        var (first, firstBody) = await _scenario.PostAsync(path, SimulatorScenario.Text());
        var (second, secondBody) = await _scenario.PostAsync(path, SimulatorScenario.Text());
        var (third, thirdBody) = await _scenario.PostAsync(path, SimulatorScenario.Text());

        Assert.That(first, Is.EqualTo(200));
        Assert.That((string?)firstBody["id"], Is.EqualTo("ROBOT1.0_canned"));
        Assert.That(second, Is.EqualTo(502));
        Assert.That((string?)secondBody, Is.EqualTo("bad gateway"));
        Assert.That(third, Is.EqualTo(400));
        Assert.That((long?)thirdBody["code"], Is.EqualTo(40034102));
    }

    [Test]
    public async Task RespondNext_can_script_the_token_endpoint()
    {
        _scenario.Simulator.RespondNext("POST", "/app/getAppAccessToken", 200, """{"access_token":"scripted","expires_in":7200}""");

        var (status, body, _) = await _scenario.Http.PostTokenAsync("any", "thing");

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string?)body["access_token"], Is.EqualTo("scripted"));
        Assert.That(body["expires_in"]!.Type, Is.EqualTo(JTokenType.Integer));
    }
}
