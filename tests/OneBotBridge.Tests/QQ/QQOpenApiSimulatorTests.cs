using Microsoft.Extensions.Logging.Abstractions;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ;

/// <summary>The token source and OpenAPI client against the simulator over loopback HTTP.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class QQOpenApiSimulatorTests
{
    private readonly ManualTimeProvider _time = new();
    private QQSimulator _simulator = null!;
    private HttpClient _http = null!;
    private QQOpenApiClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { TimeProvider = _time });
        var options = new QQOptions
        {
            AppId = _simulator.Options.AppId,
            ClientSecret = _simulator.Options.ClientSecret,
            ApiBase = _simulator.ApiBase,
            TokenUrl = _simulator.TokenUrl,
        };
        _http = new HttpClient();
        var retry = new HttpRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) };
        var tokens = new QQTokenSource(_http, options, _time, NullLogger<QQTokenSource>.Instance, retry);
        _client = new QQOpenApiClient(_http, tokens, options, _time, NullLogger<QQOpenApiClient>.Instance, retry);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _simulator.DisposeAsync();
        _http.Dispose();
    }

    private IEnumerable<RecordedRequest> TokenRequests => _simulator.Requests.Where(request => request.Path.EndsWith("getAppAccessToken", StringComparison.Ordinal));

    private IEnumerable<RecordedRequest> ApiRequests => _simulator.Requests.Where(request => !request.Path.EndsWith("getAppAccessToken", StringComparison.Ordinal));

    private static string? AuthorizationOf(RecordedRequest request) =>
        request.Headers.FirstOrDefault(header => header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Moves the fake clock in small steps until <paramref name="call"/> completes.</summary>
    private async Task<T> DriveAsync<T>(Task<T> call)
    {
        for (var step = 0; !call.IsCompleted && step < 2_000; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(call, Task.Delay(5));
        }

        return await call;
    }

    [Test]
    public async Task Calls_carry_the_token_and_app_id_the_simulator_accepts()
    {
        var me = await _client.GetMeAsync(CancellationToken.None);
        var gateway = await _client.GetGatewayBotAsync(CancellationToken.None);

        Assert.That(me.Id, Is.EqualTo(_simulator.Options.BotUserId));
        Assert.That(gateway.Url, Is.EqualTo(_simulator.GatewayUrl));
        Assert.That(gateway.SessionStartLimit.Remaining, Is.EqualTo(_simulator.Options.SessionStartRemaining));
        Assert.That(ApiRequests.Select(request => request.ResponseStatus), Is.All.EqualTo(200));
    }

    [Test]
    public async Task The_token_is_refreshed_ahead_of_expiry()
    {
        await _client.GetMeAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(7200 - 60));
        await _client.GetMeAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(31));
        await _client.GetMeAsync(CancellationToken.None);

        var used = ApiRequests.Select(AuthorizationOf).ToList();
        Assert.That(TokenRequests.Count(), Is.EqualTo(2));
        Assert.That(used[1], Is.EqualTo(used[0]), "60 s before expiry the token is still fresh enough");
        Assert.That(used[2], Is.Not.EqualTo(used[0]), "29 s before expiry a new token is in use");
        Assert.That(ApiRequests.Select(request => request.ResponseStatus), Is.All.EqualTo(200), "never a request with an expired token");
    }

    [Test]
    public async Task An_expired_token_is_refreshed_once_and_the_call_retried()
    {
        await _client.GetMeAsync(CancellationToken.None);
        _simulator.ExpireTokensNow();

        var me = await _client.GetMeAsync(CancellationToken.None);

        Assert.That(me.Id, Is.EqualTo(_simulator.Options.BotUserId));
        Assert.That(ApiRequests.Select(request => request.ResponseStatus), Is.EqualTo(new[] { 200, 401, 200 }));
        Assert.That(ApiRequests.ElementAt(1).ResponseBody, Does.Contain("11244"));
        Assert.That(TokenRequests.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Server_errors_are_retried()
    {
        _simulator.FailNextApiCalls(2, 503);

        var me = await DriveAsync(_client.GetMeAsync(CancellationToken.None));

        Assert.That(me.Id, Is.EqualTo(_simulator.Options.BotUserId));
        Assert.That(ApiRequests.Select(request => request.ResponseStatus), Is.EqualTo(new[] { 503, 503, 200 }));
    }

    [Test]
    public async Task Rate_limits_are_retried_after_retry_after()
    {
        _simulator.FailNextApiCalls(1, 429, TimeSpan.FromSeconds(3));

        var me = await DriveAsync(_client.GetMeAsync(CancellationToken.None));

        var requests = ApiRequests.ToList();
        Assert.That(me.Id, Is.EqualTo(_simulator.Options.BotUserId));
        Assert.That(requests.Select(request => request.ResponseStatus), Is.EqualTo(new[] { 429, 200 }));
        Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Business_errors_are_not_retried()
    {
        var error = Assert.ThrowsAsync<QQApiException>(() => _client.SendGroupMessageAsync(
            "D4DE01234567890ABCDEF01234562B91", new Newtonsoft.Json.Linq.JObject { ["msg_type"] = 0, ["content"] = "hi" }, CancellationToken.None));

        Assert.That(error!.HttpStatus, Is.InRange(400, 499));
        Assert.That(error.Code, Is.Not.Null);
        Assert.That(ApiRequests.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_passive_group_reply_goes_out_and_can_be_recalled()
    {
        const string group = "D4DE01234567890ABCDEF01234562B91";
        await _simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new Newtonsoft.Json.Linq.JObject
        {
            ["id"] = "ROBOT1.0_question",
            ["content"] = " ping",
            ["timestamp"] = "2025-02-15T16:35:23+08:00",
            ["group_openid"] = group,
            ["group_id"] = group,
            ["author"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7", ["member_openid"] = "7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7" },
        });

        var sent = await _client.SendGroupMessageAsync(
            group, new Newtonsoft.Json.Linq.JObject { ["msg_type"] = 0, ["content"] = "pong", ["msg_id"] = "ROBOT1.0_question", ["msg_seq"] = 1 }, CancellationToken.None);
        await _client.RecallGroupMessageAsync(group, sent.Id!, CancellationToken.None);

        Assert.That(sent.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(ApiRequests.Select(request => $"{request.Method} {request.ResponseStatus}"), Is.EqualTo(new[] { "POST 200", "DELETE 200" }));
    }
}
