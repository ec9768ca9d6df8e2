using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.HttpApi;

namespace OneBotBridge.Tests.OneBot.Transports;

[TestFixture]
[CancelAfter(30_000)]
public sealed class HttpApiServerTests
{
    private FakeDispatcher _dispatcher = null!;
    private HttpApiServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dispatcher = new FakeDispatcher();
        var entry = new HttpApiOptions { Listen = "127.0.0.1:0" };
        var options = new OneBotOptions { AccessToken = "s3cret", HttpApi = [entry] };
        _server = new HttpApiServer(entry, options, _dispatcher, TransportTestKit.Logging);
        await _server.StartAsync(CancellationToken.None);
        _http = new HttpClient { BaseAddress = _server.Address };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
    }

    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase("Bearer wrong", HttpStatusCode.Forbidden)]
    [TestCase("Token wrong", HttpStatusCode.Forbidden)]
    [TestCase("Token s3cret", HttpStatusCode.OK)]
    [TestCase("bearer s3cret", HttpStatusCode.OK)]
    public async Task TheTokenDecidesBetween401And403And200(string? authorization, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/get_login_info");
        _http.DefaultRequestHeaders.Authorization = null;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(_dispatcher.Calls, expected == HttpStatusCode.OK ? Has.Count.EqualTo(1) : Is.Empty);
    }

    [Test]
    public async Task TheQueryTokenWorksWithoutAHeader()
    {
        _http.DefaultRequestHeaders.Authorization = null;

        using var response = await _http.GetAsync("/get_login_info?access_token=s3cret");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task GetWithQueryParamsAndATrailingSlash()
    {
        using var response = await _http.GetAsync("/echo_params/?user_id=123&message=hi");
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That((string?)body["status"], Is.EqualTo("ok"));
        Assert.That((int?)body["retcode"], Is.EqualTo(0));
        Assert.That(body["data"], Is.EqualTo(new JObject { ["user_id"] = "123", ["message"] = "hi" }).Using<JToken>(JToken.DeepEquals));
        Assert.That(body.ContainsKey("echo"), Is.False);
    }

    [Test]
    public async Task PostJsonOverridesTheQuery()
    {
        using var response = await _http.PostAsync("/echo_params?user_id=1&keep=yes", Json("""{"user_id":2,"message":[{"type":"text","data":{"text":"hi"}}]}"""));
        var data = (await ReadJsonAsync(response))["data"];

        Assert.That((long?)data?["user_id"], Is.EqualTo(2));
        Assert.That((string?)data?["keep"], Is.EqualTo("yes"));
        Assert.That(data?["message"]?.Type, Is.EqualTo(JTokenType.Array));
    }

    [Test]
    public async Task PostForm()
    {
        using var response = await _http.PostAsync("/echo_params", new FormUrlEncodedContent(new Dictionary<string, string> { ["group_id"] = "42" }));

        Assert.That((string?)(await ReadJsonAsync(response))["data"]?["group_id"], Is.EqualTo("42"));
    }

    [Test]
    public async Task PostRootWithActionAndParams()
    {
        using var response = await _http.PostAsync("/", Json("""{"action":"echo_params","params":{"user_id":5}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((long?)(await ReadJsonAsync(response))["data"]?["user_id"], Is.EqualTo(5));
    }

    [Test]
    public async Task UnknownActionIs404WithTheFailedResponse()
    {
        using var response = await _http.GetAsync("/no_such_action");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((int?)(await ReadJsonAsync(response))["retcode"], Is.EqualTo(Retcode.UnknownAction));
    }

    [TestCase("""{"user_id":""", "application/json", HttpStatusCode.BadRequest)]
    [TestCase("[1,2]", "application/json", HttpStatusCode.BadRequest)]
    [TestCase("user_id=1", "text/plain", HttpStatusCode.NotAcceptable)]
    public async Task MalformedOrUnsupportedBodies(string body, string contentType, HttpStatusCode expected)
    {
        using var response = await _http.PostAsync("/echo_params", new StringContent(body, Encoding.UTF8, contentType));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(_dispatcher.Calls, Is.Empty);
    }

    [Test]
    public async Task PostRootWithoutAnActionIs400()
    {
        using var response = await _http.PostAsync("/", Json("""{"params":{}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task OtherMethodsAre405()
    {
        using var response = await _http.PutAsync("/get_login_info", Json("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JObject> ReadJsonAsync(HttpResponseMessage response) =>
        (JObject)OneBotJson.Parse(await response.Content.ReadAsByteArrayAsync());
}
