using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class QQTokenSourceTests
{
    private const string Secret = "very-secret-client-secret";

    private readonly ManualTimeProvider _time = new();
    private int _issued;

    private StubHttpHandler TokenEndpoint(Func<int, string>? body = null) => new()
    {
        Respond = _ =>
        {
            var n = Interlocked.Increment(ref _issued);
            return StubHttpHandler.Json(HttpStatusCode.OK, body?.Invoke(n) ?? $$"""{"access_token":"token-{{n}}","expires_in":"7200"}""");
        },
    };

    private QQTokenSource Source(StubHttpHandler handler) => new(
        new HttpClient(handler),
        new QQOptions { AppId = "102000001", ClientSecret = Secret, TokenUrl = "http://token.test/app/getAppAccessToken" },
        _time,
        NullLogger<QQTokenSource>.Instance,
        new HttpRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(1) });

    [Test]
    public async Task Posts_the_app_id_and_secret_and_caches_the_token()
    {
        var handler = TokenEndpoint();
        var tokens = Source(handler);

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.That(first, Is.EqualTo("token-1"));
        Assert.That(second, Is.EqualTo("token-1"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
        var request = handler.Requests[0];
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Uri.AbsolutePath, Is.EqualTo("/app/getAppAccessToken"));
        Assert.That(JToken.Parse(request.Body), Is.EqualTo(new JObject { ["appId"] = "102000001", ["clientSecret"] = Secret }).Using<JToken>(JToken.DeepEquals));
    }

    [TestCase("\"7200\"")]
    [TestCase("7200")]
    public async Task Expires_in_may_be_a_string_or_a_number_and_the_token_is_refreshed_30_to_50_seconds_before_expiry(string expiresIn)
    {
        var handler = TokenEndpoint(n => $$"""{"access_token":"token-{{n}}","expires_in":{{expiresIn}}}""");
        var tokens = Source(handler);
        Assert.That(await tokens.GetTokenAsync(CancellationToken.None), Is.EqualTo("token-1"));

        _time.Advance(TimeSpan.FromSeconds(7200 - 51));
        Assert.That(await tokens.GetTokenAsync(CancellationToken.None), Is.EqualTo("token-1"), "too early to refresh");

        _time.Advance(TimeSpan.FromSeconds(22));
        Assert.That(await tokens.GetTokenAsync(CancellationToken.None), Is.EqualTo("token-2"), "29 s before expiry it must have been refreshed");
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_rejected_token_is_replaced_once_even_when_many_callers_report_it()
    {
        var handler = TokenEndpoint();
        var tokens = Source(handler);
        var rejected = await tokens.GetTokenAsync(CancellationToken.None);

        var refreshed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.RefreshAsync(rejected, CancellationToken.None)));

        Assert.That(refreshed, Is.All.EqualTo("token-2"));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Refused_credentials_are_fatal_and_the_message_never_holds_the_secret()
    {
        var handler = new StubHttpHandler { Respond = _ => StubHttpHandler.Json(HttpStatusCode.OK, """{"code":100016,"message":"invalid appid or secret"}""") };
        var tokens = Source(handler);

        var error = Assert.ThrowsAsync<QQFatalException>(async () => await tokens.GetTokenAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("100016").And.Contain("invalid appid or secret").And.Contain("qq.client_secret").And.Not.Contain(Secret));
    }

    [Test]
    public async Task A_failing_token_endpoint_is_retried()
    {
        var calls = 0;
        var handler = new StubHttpHandler
        {
            Respond = _ => Interlocked.Increment(ref calls) == 1
                ? StubHttpHandler.Json(HttpStatusCode.BadGateway, "{}")
                : StubHttpHandler.Json(HttpStatusCode.OK, """{"access_token":"after-retry","expires_in":"7200"}"""),
        };
        var tokens = Source(handler);

        var pending = tokens.GetTokenAsync(CancellationToken.None).AsTask();
        await Eventually.AssertAsync(() => handler.Requests.Count >= 1, "the first token request");
        while (!pending.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.WhenAny(pending, Task.Delay(5));
        }

        Assert.That(await pending, Is.EqualTo("after-retry"));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }
}
