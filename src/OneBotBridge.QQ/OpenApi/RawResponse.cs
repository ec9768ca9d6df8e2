using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.OpenApi;

/// <summary>An HTTP answer read to the end, so a retry can drop it without leaking a connection.</summary>
internal sealed record RawResponse(int Status, string Body, string? TraceId, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Worth another try: rate limited or the platform failed.</summary>
    public bool IsTransient => Status == 429 || Status >= 500;

    public JToken? Json => QQJson.TryParse(Body);

    /// <summary>The platform's <c>code</c> (or <c>err_code</c>) in an error body.</summary>
    public long? Code => Json is JObject body && (body["code"] ?? body["err_code"]) is JValue { Type: JTokenType.Integer or JTokenType.String } value
        && long.TryParse(value.ToString(), out var code) ? code : null;

    public string? Message => Json is JObject body ? (string?)body["message"] : null;

    public static async Task<RawResponse> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var traceId = response.Headers.TryGetValues("X-Tps-trace-ID", out var values) ? values.FirstOrDefault() : null;
        return new RawResponse((int)response.StatusCode, body, traceId, RetryAfterOf(response, time));
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
