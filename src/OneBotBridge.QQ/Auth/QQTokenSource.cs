using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.OpenApi;
using Polly;

namespace OneBotBridge.QQ.Auth;

/// <summary>
/// The bot's access token: fetched from <c>qq.token_url</c>, cached, and fetched again 30–50 s
/// before it expires (the platform starts issuing a new one in the last 60 s). Concurrent callers
/// share one fetch.
/// </summary>
public sealed partial class QQTokenSource
{
    private static readonly TimeSpan MinRefreshMargin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRefreshMargin = TimeSpan.FromSeconds(50);

    private readonly HttpClient _http;
    private readonly QQOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QQTokenSource> _logger;
    private readonly ResiliencePipeline<RawResponse> _retry;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile CachedToken? _current;

    public QQTokenSource(HttpClient http, QQOptions options, TimeProvider time, ILogger<QQTokenSource> logger, HttpRetryOptions? retry = null)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _retry = TransientHttpRetry.Create(retry ?? new HttpRetryOptions(), time, logger);
    }

    /// <summary>A token that is valid now and not about to expire.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() < current.RefreshAt)
        {
            return current.Value;
        }

        return await FetchAsync(stale: current?.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces <paramref name="rejectedToken"/> after the platform refused it (HTTP 401, code 11244,
    /// close 4004). When another caller has already replaced it, that newer token is returned.
    /// </summary>
    public Task<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken) =>
        FetchAsync(stale: rejectedToken, cancellationToken);

    private async Task<string> FetchAsync(string? stale, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && current.Value != stale && _time.GetUtcNow() < current.RefreshAt)
            {
                return current.Value;
            }

            var fetched = await RequestAsync(cancellationToken).ConfigureAwait(false);
            _current = fetched;
            Log.TokenFetched(_logger, fetched.ExpiresAt, fetched.RefreshAt);
            return fetched.Value;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var requestBody = new JObject { ["appId"] = _options.AppId, ["clientSecret"] = _options.ClientSecret };
        var response = await _retry.ExecuteAsync(
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenUrl)
                {
                    Content = new ByteArrayContent(QQJson.Serialize(requestBody)) { Headers = { { "Content-Type", "application/json" } } },
                };
                using var answer = await _http.SendAsync(request, ct).ConfigureAwait(false);
                return await RawResponse.ReadAsync(answer, _time, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var fetchedAt = _time.GetUtcNow();
        if (response.IsTransient)
        {
            throw QQApiException.From("POST", "token endpoint", response);
        }

        if (response.Json is JObject body && (string?)body["access_token"] is { Length: > 0 } token
            && TryReadSeconds(body["expires_in"], out var lifetime))
        {
            var margin = MinRefreshMargin + (MaxRefreshMargin - MinRefreshMargin) * Random.Shared.NextDouble();
            var refreshAfter = lifetime > 2 * margin ? lifetime - margin : lifetime / 2;
            return new CachedToken(token, fetchedAt + lifetime, fetchedAt + refreshAfter);
        }

        throw new QQFatalException(DescribeRefusal(response));
    }

    /// <summary><c>expires_in</c> arrives as a string ("7200") or, in some documentation, as a number.</summary>
    private static bool TryReadSeconds(JToken? token, out TimeSpan lifetime)
    {
        lifetime = default;
        if (token is not JValue { Value: not null } value
            || !double.TryParse(Convert.ToString(value.Value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= 0)
        {
            return false;
        }

        lifetime = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private string DescribeRefusal(RawResponse response)
    {
        var text = new StringBuilder($"the token endpoint {_options.TokenUrl} gave no access token for qq.app_id '{_options.AppId}' (HTTP {response.Status}");
        if (response.Code is { } code)
        {
            text.Append(CultureInfo.InvariantCulture, $", code {code}");
        }

        if (response.Message is { Length: > 0 } message)
        {
            text.Append(CultureInfo.InvariantCulture, $": {message}");
        }

        return text.Append("): check qq.app_id and qq.client_secret").ToString();
    }

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Fetched a QQ access token valid until {ExpiresAt:O}; next refresh at {RefreshAt:O}")]
        public static partial void TokenFetched(ILogger logger, DateTimeOffset expiresAt, DateTimeOffset refreshAt);
    }
}
