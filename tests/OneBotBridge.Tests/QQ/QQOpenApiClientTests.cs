using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class QQOpenApiClientTests
{
    private readonly ManualTimeProvider _time = new();
    private int _tokensIssued;

    /// <summary>A client whose token endpoint issues token-1, token-2…, and whose API answers with <paramref name="api"/>.</summary>
    private (QQOpenApiClient Client, StubHttpHandler Handler) Client(Func<StubRequest, int, HttpResponseMessage> api)
    {
        var apiCalls = 0;
        var handler = new StubHttpHandler
        {
            Respond = request => request.Uri.AbsolutePath == "/app/getAppAccessToken"
                ? StubHttpHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{Interlocked.Increment(ref _tokensIssued)}}","expires_in":"7200"}""")
                : api(request, Interlocked.Increment(ref apiCalls)),
        };
        var options = new QQOptions { AppId = "102000001", ClientSecret = "s", ApiBase = "http://api.test", TokenUrl = "http://api.test/app/getAppAccessToken" };
        var http = new HttpClient(handler);
        var retry = new HttpRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 };
        var tokens = new QQTokenSource(http, options, _time, NullLogger<QQTokenSource>.Instance, retry);
        return (new QQOpenApiClient(http, tokens, options, _time, NullLogger<QQOpenApiClient>.Instance, retry), handler);
    }

    private static IEnumerable<StubRequest> ApiRequests(StubHttpHandler handler) =>
        handler.Requests.Where(request => request.Uri.AbsolutePath != "/app/getAppAccessToken");

    /// <summary>Moves the fake clock in small steps until <paramref name="call"/> completes.</summary>
    private async Task<T> DriveAsync<T>(Task<T> call)
    {
        for (var step = 0; !call.IsCompleted && step < 10_000; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(call, Task.Delay(2));
        }

        return await call;
    }

    private static HttpResponseMessage Sent() => StubHttpHandler.Json(HttpStatusCode.OK, """{"id":"ROBOT1.0_sent","timestamp":"2025-03-13T23:30:49+08:00"}""");

    [Test]
    public async Task Every_call_carries_the_token_and_the_app_id()
    {
        var (client, handler) = Client((_, _) => Sent());

        var sent = await client.SendGroupMessageAsync("GROUP", new JObject { ["msg_type"] = 0, ["content"] = "hi", ["msg_id"] = "ROBOT1.0_x" }, CancellationToken.None);

        Assert.That(sent.Id, Is.EqualTo("ROBOT1.0_sent"));
        Assert.That(sent.Timestamp, Is.EqualTo("2025-03-13T23:30:49+08:00"));
        Assert.That(sent.HeldForAudit, Is.False);
        var request = ApiRequests(handler).Single();
        Assert.That(request.Authorization, Is.EqualTo("QQBot token-1"));
        Assert.That(request.UnionAppId, Is.EqualTo("102000001"));
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Uri.AbsolutePath, Is.EqualTo("/v2/groups/GROUP/messages"));
        Assert.That((string?)JObject.Parse(request.Body)["content"], Is.EqualTo("hi"));
    }

    [Test]
    public async Task Every_endpoint_goes_to_its_path()
    {
        var (client, handler) = Client((request, _) => request.Uri.AbsolutePath switch
        {
            "/gateway/bot" => StubHttpHandler.Json(HttpStatusCode.OK, """{"url":"wss://gw","shards":2,"session_start_limit":{"total":1000,"remaining":998,"reset_after":14400000,"max_concurrency":1}}"""),
            "/users/@me" => StubHttpHandler.Json(HttpStatusCode.OK, """{"id":"6158788878435714165","username":"bot","avatar":"http://a"}"""),
            var path when path.EndsWith("/files", StringComparison.Ordinal) => StubHttpHandler.Json(HttpStatusCode.OK, """{"file_uuid":"u","file_info":"INFO","ttl":3600}"""),
            var path when path.StartsWith("/interactions/", StringComparison.Ordinal) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") },
            _ when request.Method == "DELETE" => new HttpResponseMessage(HttpStatusCode.OK),
            _ => Sent(),
        });
        var body = new JObject { ["content"] = "x" };
        var ct = CancellationToken.None;

        var gateway = await client.GetGatewayBotAsync(ct);
        var me = await client.GetMeAsync(ct);
        await client.SendC2CMessageAsync("USER", body, ct);
        await client.SendChannelMessageAsync("100010", body, ct);
        await client.SendDirectMessageAsync("18700000000001", body, ct);
        var groupMedia = await client.UploadGroupMediaAsync("GROUP", QQMediaUpload.FromUrl(QQFileType.Image, "https://x/a.png"), ct);
        await client.UploadC2CMediaAsync("USER", QQMediaUpload.FromContent(QQFileType.Voice, new byte[] { 1, 2, 3 }), ct);
        await client.RecallGroupMessageAsync("GROUP", "ROBOT1.0_a!", ct);
        await client.RecallC2CMessageAsync("USER", "ROBOT1.0_b", ct);
        await client.RecallChannelMessageAsync("100010", "m1", ct);
        await client.RecallDirectMessageAsync("18700000000001", "m2", ct);
        await client.AcknowledgeInteractionAsync("30540ff7-1", ct);

        Assert.That(gateway, Is.EqualTo(new GatewayBotInfo("wss://gw", 2, new SessionStartLimit(1000, 998, TimeSpan.FromHours(4), 1))));
        Assert.That(me, Is.EqualTo(new QQBotUser("6158788878435714165", "bot", "http://a")));
        Assert.That(groupMedia.FileInfo, Is.EqualTo("INFO"));
        Assert.That(
            ApiRequests(handler).Select(request => $"{request.Method} {request.Uri.PathAndQuery}"),
            Is.EqualTo(new[]
            {
                "GET /gateway/bot",
                "GET /users/@me",
                "POST /v2/users/USER/messages",
                "POST /channels/100010/messages",
                "POST /dms/18700000000001/messages",
                "POST /v2/groups/GROUP/files",
                "POST /v2/users/USER/files",
                "DELETE /v2/groups/GROUP/messages/ROBOT1.0_a%21",
                "DELETE /v2/users/USER/messages/ROBOT1.0_b",
                "DELETE /channels/100010/messages/m1?hidetip=false",
                "DELETE /dms/18700000000001/messages/m2?hidetip=false",
                "PUT /interactions/30540ff7-1",
            }));
        var uploads = ApiRequests(handler).Where(request => request.Uri.AbsolutePath.EndsWith("/files", StringComparison.Ordinal)).Select(request => JObject.Parse(request.Body)).ToList();
        Assert.That(uploads[0].ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"file_type":1,"srv_send_msg":false,"url":"https://x/a.png"}"""));
        Assert.That(uploads[1].ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"file_type":3,"srv_send_msg":false,"file_data":"AQID"}"""));
        Assert.That(ApiRequests(handler).Last().Body, Is.EqualTo("""{"code":0}"""));
    }

    [Test]
    public async Task A_channel_send_with_a_local_image_is_multipart_with_a_file_image_part()
    {
        var (client, handler) = Client((_, _) => Sent());

        await client.SendChannelMessageAsync("100010", new JObject { ["content"] = "look", ["msg_id"] = "m" }, new QQImageFile("a.png", new byte[] { 0x89, 0x50 }), CancellationToken.None);

        var body = ApiRequests(handler).Single().Body;
        Assert.That(body, Does.Contain("name=content").And.Contain("look").And.Contain("name=file_image").And.Contain("filename=a.png"));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task Server_errors_are_retried_with_backoff(HttpStatusCode status)
    {
        var (client, handler) = Client((_, n) => n <= 2 ? StubHttpHandler.Json(status, """{"code":500,"message":"busy"}""") : Sent());

        var sent = await DriveAsync(client.SendC2CMessageAsync("USER", new JObject { ["content"] = "x" }, CancellationToken.None));

        Assert.That(sent.Id, Is.EqualTo("ROBOT1.0_sent"));
        Assert.That(ApiRequests(handler).Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task Rate_limits_wait_for_retry_after()
    {
        var (client, handler) = Client((_, n) => n == 1
            ? StubHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"code":20028,"message":"limited"}""", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30)))
            : Sent());
        var started = _time.GetUtcNow();
        DateTimeOffset? retriedAt = null;

        var call = client.SendC2CMessageAsync("USER", new JObject { ["content"] = "x" }, CancellationToken.None);
        await Eventually.AssertAsync(() => ApiRequests(handler).Count() == 1, "the first attempt");
        for (var step = 0; step < 60 && retriedAt is null; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            if (await Eventually.TrueAsync(() => ApiRequests(handler).Count() == 2, TimeSpan.FromMilliseconds(50)))
            {
                retriedAt = _time.GetUtcNow();
            }
        }

        await call;
        Assert.That(retriedAt - started, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Business_errors_are_not_retried_and_say_everything_the_platform_said()
    {
        var (client, handler) = Client((_, _) => StubHttpHandler.Json(
            HttpStatusCode.BadRequest, """{"message":"msg_id invalid","code":40034024,"err_code":40034024,"trace_id":"t"}""", r => r.Headers.Add("X-Tps-trace-ID", "trace-123")));

        var error = Assert.ThrowsAsync<QQApiException>(() => client.SendGroupMessageAsync("GROUP", new JObject { ["msg_id"] = "stale" }, CancellationToken.None));

        Assert.That(error!.HttpStatus, Is.EqualTo(400));
        Assert.That(error.Code, Is.EqualTo(40034024));
        Assert.That(error.PlatformMessage, Is.EqualTo("msg_id invalid"));
        Assert.That(error.TraceId, Is.EqualTo("trace-123"));
        Assert.That(error.Message, Does.Contain("40034024").And.Contain("trace-123"));
        Assert.That(ApiRequests(handler).Count(), Is.EqualTo(1));
    }

    [Test]
    public void Retries_give_up_with_the_last_error()
    {
        var (client, handler) = Client((_, _) => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"code":1,"message":"down"}"""));

        var error = Assert.ThrowsAsync<QQApiException>(() => DriveAsync(client.GetMeAsync(CancellationToken.None)));

        Assert.That(error!.HttpStatus, Is.EqualTo(503));
        Assert.That(ApiRequests(handler).Count(), Is.EqualTo(4), "one call and three retries");
    }

    [TestCase(HttpStatusCode.Unauthorized, 11241)]
    [TestCase(HttpStatusCode.BadRequest, 11244)]
    public async Task A_rejected_token_is_refreshed_once_and_the_call_retried_once(HttpStatusCode status, int code)
    {
        var (client, handler) = Client((_, n) => n == 1 ? StubHttpHandler.Json(status, $$"""{"code":{{code}},"message":"token expired"}""") : Sent());

        await client.SendGroupMessageAsync("GROUP", new JObject(), CancellationToken.None);

        Assert.That(ApiRequests(handler).Select(request => request.Authorization), Is.EqualTo(new[] { "QQBot token-1", "QQBot token-2" }));
    }

    [Test]
    public void A_token_rejected_twice_is_an_error_not_a_loop()
    {
        var (client, handler) = Client((_, _) => StubHttpHandler.Json(HttpStatusCode.Unauthorized, """{"code":11244,"message":"token expired"}"""));

        var error = Assert.ThrowsAsync<QQApiException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(11244));
        Assert.That(ApiRequests(handler).Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_message_held_for_audit_is_reported_as_such()
    {
        var (client, _) = Client((_, _) => StubHttpHandler.Json(HttpStatusCode.Accepted, """{"code":304023,"message":"push message is waiting for audit now"}"""));

        var sent = await client.SendChannelMessageAsync("100010", new JObject { ["content"] = "x" }, CancellationToken.None);

        Assert.That(sent.HeldForAudit, Is.True);
        Assert.That(sent.Id, Is.Null);
    }
}
