using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using Polly;

namespace OneBotBridge.QQ.OpenApi;

/// <summary>
/// The platform's HTTPS OpenAPI. Every call carries <c>Authorization: QQBot {token}</c> and
/// <c>X-Union-Appid</c>; transport errors, 429 and 5xx are retried with backoff; a rejected token
/// (HTTP 401 or code 11244) is refreshed once and the call retried once; any other refusal is a
/// <see cref="QQApiException"/>.
/// </summary>
public sealed partial class QQOpenApiClient
{
    private const long TokenExpiredCode = 11244;

    private readonly HttpClient _http;
    private readonly QQTokenSource _tokens;
    private readonly QQOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QQOpenApiClient> _logger;
    private readonly ResiliencePipeline<RawResponse> _retry;
    private readonly Uri _base;

    public QQOpenApiClient(
        HttpClient http, QQTokenSource tokens, QQOptions options, TimeProvider time, ILogger<QQOpenApiClient> logger, HttpRetryOptions? retry = null)
    {
        _http = http;
        _tokens = tokens;
        _options = options;
        _time = time;
        _logger = logger;
        _retry = TransientHttpRetry.Create(retry ?? new HttpRetryOptions(), time, logger);
        _base = new Uri(options.EffectiveApiBase.TrimEnd('/') + "/");
    }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var body = await GetJsonAsync("gateway/bot", cancellationToken).ConfigureAwait(false);
        var limit = body["session_start_limit"] as JObject ?? [];
        return new GatewayBotInfo(
            (string?)body["url"] ?? throw MissingField("/gateway/bot", "url"),
            (int?)body["shards"] ?? 1,
            new SessionStartLimit(
                (int?)limit["total"] ?? int.MaxValue,
                (int?)limit["remaining"] ?? int.MaxValue,
                TimeSpan.FromMilliseconds((long?)limit["reset_after"] ?? 0),
                Math.Max(1, (int?)limit["max_concurrency"] ?? 1)));
    }

    public async Task<QQBotUser> GetMeAsync(CancellationToken cancellationToken)
    {
        var body = await GetJsonAsync("users/@me", cancellationToken).ConfigureAwait(false);
        return new QQBotUser(
            (string?)body["id"] ?? throw MissingField("/users/@me", "id"), (string?)body["username"] ?? "", (string?)body["avatar"]);
    }

    public Task<QQSentMessage> SendGroupMessageAsync(string groupOpenid, JObject body, CancellationToken cancellationToken) =>
        SendMessageAsync($"v2/groups/{Segment(groupOpenid)}/messages", body, null, cancellationToken);

    public Task<QQSentMessage> SendC2CMessageAsync(string userOpenid, JObject body, CancellationToken cancellationToken) =>
        SendMessageAsync($"v2/users/{Segment(userOpenid)}/messages", body, null, cancellationToken);

    public Task<QQSentMessage> SendChannelMessageAsync(string channelId, JObject body, CancellationToken cancellationToken) =>
        SendMessageAsync($"channels/{Segment(channelId)}/messages", body, null, cancellationToken);

    /// <summary>Sends to a guild channel with a local image, as multipart/form-data.</summary>
    public Task<QQSentMessage> SendChannelMessageAsync(string channelId, JObject body, QQImageFile image, CancellationToken cancellationToken) =>
        SendMessageAsync($"channels/{Segment(channelId)}/messages", body, image, cancellationToken);

    /// <summary>Sends a guild direct message; <paramref name="guildId"/> is the DM session's guild id.</summary>
    public Task<QQSentMessage> SendDirectMessageAsync(string guildId, JObject body, CancellationToken cancellationToken) =>
        SendMessageAsync($"dms/{Segment(guildId)}/messages", body, null, cancellationToken);

    /// <summary>Sends a guild direct message with a local image, as multipart/form-data.</summary>
    public Task<QQSentMessage> SendDirectMessageAsync(string guildId, JObject body, QQImageFile image, CancellationToken cancellationToken) =>
        SendMessageAsync($"dms/{Segment(guildId)}/messages", body, image, cancellationToken);

    public Task<QQUploadedMedia> UploadGroupMediaAsync(string groupOpenid, QQMediaUpload upload, CancellationToken cancellationToken) =>
        UploadMediaAsync($"v2/groups/{Segment(groupOpenid)}/files", upload, cancellationToken);

    public Task<QQUploadedMedia> UploadC2CMediaAsync(string userOpenid, QQMediaUpload upload, CancellationToken cancellationToken) =>
        UploadMediaAsync($"v2/users/{Segment(userOpenid)}/files", upload, cancellationToken);

    public Task RecallGroupMessageAsync(string groupOpenid, string messageId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"v2/groups/{Segment(groupOpenid)}/messages/{Segment(messageId)}", null, cancellationToken);

    public Task RecallC2CMessageAsync(string userOpenid, string messageId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"v2/users/{Segment(userOpenid)}/messages/{Segment(messageId)}", null, cancellationToken);

    /// <summary>Recalls a guild channel message, leaving the "message recalled" tip in place.</summary>
    public Task RecallChannelMessageAsync(string channelId, string messageId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"channels/{Segment(channelId)}/messages/{Segment(messageId)}?hidetip=false", null, cancellationToken);

    /// <summary>Recalls a guild direct message, leaving the "message recalled" tip in place.</summary>
    public Task RecallDirectMessageAsync(string guildId, string messageId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"dms/{Segment(guildId)}/messages/{Segment(messageId)}?hidetip=false", null, cancellationToken);

    /// <summary>Answers an INTERACTION_CREATE with success (<c>PUT /interactions/{id}</c>, <c>{"code":0}</c>).</summary>
    public Task AcknowledgeInteractionAsync(string interactionId, CancellationToken cancellationToken) =>
        AcknowledgeInteractionAsync(interactionId, 0, cancellationToken);

    /// <summary>Answers an INTERACTION_CREATE with <paramref name="code"/>; the answer has no JSON body.</summary>
    public Task AcknowledgeInteractionAsync(string interactionId, int code, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, $"interactions/{Segment(interactionId)}", () => JsonContent(new JObject { ["code"] = code }), cancellationToken);

    private async Task<JObject> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var response = await CallAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return response.Json as JObject ?? throw new QQApiException("GET", "/" + path, response.Status, null, "the answer is not a JSON object", response.TraceId);
    }

    private async Task<QQSentMessage> SendMessageAsync(string path, JObject body, QQImageFile? image, CancellationToken cancellationToken)
    {
        var response = await CallAsync(
            HttpMethod.Post, path, () => image is null ? JsonContent(body) : MultipartContent(body, image), cancellationToken).ConfigureAwait(false);
        var json = response.Json ?? JValue.CreateNull();
        return new QQSentMessage((string?)json["id"], (string?)json["timestamp"], response.Status is 201 or 202, json);
    }

    private async Task<QQUploadedMedia> UploadMediaAsync(string path, QQMediaUpload upload, CancellationToken cancellationToken)
    {
        var request = upload.ToJson();
        var response = await CallAsync(HttpMethod.Post, path, () => JsonContent(request), cancellationToken).ConfigureAwait(false);
        var body = response.Json as JObject ?? [];
        return new QQUploadedMedia(
            (string?)body["file_uuid"] ?? "",
            (string?)body["file_info"] ?? throw MissingField("/" + path, "file_info"),
            (int?)body["ttl"] ?? 0,
            (string?)body["id"]);
    }

    private async Task<RawResponse> CallAsync(HttpMethod method, string pathAndQuery, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        var path = "/" + pathAndQuery.Split('?')[0];
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendWithRetryAsync(method, pathAndQuery, content, token, cancellationToken).ConfigureAwait(false);
        if (response.Status == 401 || response.Code == TokenExpiredCode)
        {
            Log.TokenRejected(_logger, method.Method, path, response.Status, response.Code);
            token = await _tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
            response = await SendWithRetryAsync(method, pathAndQuery, content, token, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            throw QQApiException.From(method.Method, path, response);
        }

        Log.Called(_logger, method.Method, path, response.Status);
        return response;
    }

    private ValueTask<RawResponse> SendWithRetryAsync(
        HttpMethod method, string pathAndQuery, Func<HttpContent>? content, string token, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            async ct =>
            {
                using var request = new HttpRequestMessage(method, new Uri(_base, pathAndQuery)) { Content = content?.Invoke() };
                request.Headers.Authorization = new AuthenticationHeaderValue("QQBot", token);
                request.Headers.Add("X-Union-Appid", _options.AppId);
                using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
                return await RawResponse.ReadAsync(response, _time, ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static ByteArrayContent JsonContent(JToken body) =>
        new(QQJson.Serialize(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };

    /// <summary>Guild sends with a local image: every body field becomes a form field (objects as JSON text) next to <c>file_image</c>.</summary>
    private static MultipartFormDataContent MultipartContent(JObject body, QQImageFile image)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in body)
        {
            if (value is null || value.Type == JTokenType.Null)
            {
                continue;
            }

            form.Add(new StringContent(value is JValue scalar ? Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : value.ToString(Newtonsoft.Json.Formatting.None)), name);
        }

        form.Add(new ReadOnlyMemoryContent(image.Content), "file_image", image.FileName);
        return form;
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static QQApiException MissingField(string path, string field) =>
        new("GET", path, 200, null, $"the answer has no '{field}'", null);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "QQ OpenAPI {Method} {Path} -> HTTP {Status}")]
        public static partial void Called(ILogger logger, string method, string path, int status);

        [LoggerMessage(Level = LogLevel.Information, Message = "QQ refused the access token on {Method} {Path} (HTTP {Status}, code {Code}); refreshing it and trying once more")]
        public static partial void TokenRejected(ILogger logger, string method, string path, int status, long? code);
    }
}
