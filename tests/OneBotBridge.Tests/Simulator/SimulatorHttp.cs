using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

/// <summary>A raw HTTP client for the simulator: JSON in, status + JSON out, nothing of the bridge.</summary>
internal sealed class SimulatorHttp(QQSimulator simulator) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<string> GetTokenAsync()
    {
        var (status, body, _) = await PostTokenAsync(simulator.Options.AppId, simulator.Options.ClientSecret);
        Assert.That(status, Is.EqualTo(200), body.ToString());
        return (string)body["access_token"]!;
    }

    public async Task<(int Status, JToken Body, HttpResponseMessage Response)> PostTokenAsync(string appId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, simulator.TokenUrl)
        {
            Content = Json(new JObject { ["appId"] = appId, ["clientSecret"] = secret }),
        };
        return await SendAsync(request);
    }

    /// <summary>An OpenAPI call with <c>Authorization: QQBot {token}</c> and <c>X-Union-Appid</c>.</summary>
    public async Task<(int Status, JToken Body, HttpResponseMessage Response)> CallAsync(HttpMethod method, string path, JToken? body = null, string? token = null)
    {
        token ??= await GetTokenAsync();
        using var request = new HttpRequestMessage(method, simulator.ApiBase + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("QQBot", token);
        request.Headers.Add("X-Union-Appid", simulator.Options.AppId);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        return await SendAsync(request);
    }

    public async Task<(int Status, JToken Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, Parse(text), response);
    }

    public void Dispose() => _http.Dispose();

    private static StringContent Json(JToken body) => new(body.ToString(Formatting.None), Encoding.UTF8, "application/json");

    private static JToken Parse(string text)
    {
        if (text.Length == 0)
        {
            return JValue.CreateNull();
        }

        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        try
        {
            return JToken.ReadFrom(reader);
        }
        catch (JsonReaderException)
        {
            return new JValue(text);
        }
    }
}
