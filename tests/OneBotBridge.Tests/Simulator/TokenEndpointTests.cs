using OneBotBridge.Simulator;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Simulator;

public sealed class TokenEndpointTests
{
    private ManualTimeProvider _clock = null!;
    private QQSimulator _simulator = null!;
    private SimulatorHttp _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new ManualTimeProvider();
        _simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { TimeProvider = _clock });
        _http = new SimulatorHttp(_simulator);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Test]
    public async Task Issues_a_token_with_expires_in_as_a_string()
    {
        var (status, body, _) = await _http.PostTokenAsync(_simulator.Options.AppId, _simulator.Options.ClientSecret);

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string?)body["access_token"], Is.Not.Empty);
        Assert.That(body["expires_in"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.String));
        Assert.That((string?)body["expires_in"], Is.EqualTo("7200"));
    }

    [Test]
    public async Task Refuses_a_wrong_secret_with_code_and_message()
    {
        var (status, body, _) = await _http.PostTokenAsync(_simulator.Options.AppId, "not-the-secret");

        Assert.That(status, Is.EqualTo(401));
        Assert.That((long?)body["code"], Is.EqualTo(100016));
        Assert.That((string?)body["message"], Is.Not.Empty);
    }

    [Test]
    public async Task Returns_the_same_token_until_its_last_minute_then_a_new_one_while_the_old_lives_a_minute_more()
    {
        var first = await _http.GetTokenAsync();

        _clock.Advance(TimeSpan.FromSeconds(7200 - 61));
        var (_, again, _) = await _http.PostTokenAsync(_simulator.Options.AppId, _simulator.Options.ClientSecret);
        Assert.That((string?)again["access_token"], Is.EqualTo(first));
        Assert.That((string?)again["expires_in"], Is.EqualTo("61"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        var second = await _http.GetTokenAsync();
        Assert.That(second, Is.Not.EqualTo(first));

        _clock.Advance(TimeSpan.FromSeconds(59));
        var (oldStillWorks, _, _) = await _http.CallAsync(HttpMethod.Get, "/users/@me", token: first);
        Assert.That(oldStillWorks, Is.EqualTo(200));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var (oldStatus, oldBody, _) = await _http.CallAsync(HttpMethod.Get, "/users/@me", token: first);
        var (newStatus, _, _) = await _http.CallAsync(HttpMethod.Get, "/users/@me", token: second);
        Assert.That(oldStatus, Is.EqualTo(401));
        Assert.That((long?)oldBody["code"], Is.EqualTo(11244));
        Assert.That(newStatus, Is.EqualTo(200));
    }

    [Test]
    public async Task A_token_is_refused_once_its_life_is_over()
    {
        var token = await _http.GetTokenAsync();

        _clock.Advance(TimeSpan.FromSeconds(7200));
        var (status, body, _) = await _http.CallAsync(HttpMethod.Get, "/users/@me", token: token);

        Assert.That(status, Is.EqualTo(401));
        Assert.That((long?)body["code"], Is.EqualTo(11244));
    }

    [Test]
    public async Task ExpireTokensNow_invalidates_every_token_and_the_next_request_gets_a_new_one()
    {
        var token = await _http.GetTokenAsync();

        _simulator.ExpireTokensNow();
        var (status, body, _) = await _http.CallAsync(HttpMethod.Get, "/users/@me", token: token);
        var renewed = await _http.GetTokenAsync();

        Assert.That(status, Is.EqualTo(401));
        Assert.That((long?)body["code"], Is.EqualTo(11244));
        Assert.That(renewed, Is.Not.EqualTo(token));
    }
}
