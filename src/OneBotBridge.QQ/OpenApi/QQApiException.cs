namespace OneBotBridge.QQ.OpenApi;

/// <summary>
/// The platform refused a call: the HTTP status, QQ's <c>code</c> and <c>message</c>, and the
/// <c>X-Tps-trace-ID</c> to quote when asking Tencent about it.
/// </summary>
public sealed class QQApiException : Exception
{
    public QQApiException(string method, string path, int httpStatus, long? code, string? platformMessage, string? traceId)
        : base(Describe(method, path, httpStatus, code, platformMessage, traceId))
    {
        Method = method;
        Path = path;
        HttpStatus = httpStatus;
        Code = code;
        PlatformMessage = platformMessage;
        TraceId = traceId;
    }

    public string Method { get; }
    public string Path { get; }
    public int HttpStatus { get; }
    public long? Code { get; }
    public string? PlatformMessage { get; }
    public string? TraceId { get; }

    internal static QQApiException From(string method, string path, RawResponse response) =>
        new(method, path, response.Status, response.Code, response.Message, response.TraceId);

    private static string Describe(string method, string path, int httpStatus, long? code, string? message, string? traceId)
    {
        var text = $"QQ OpenAPI {method} {path} failed: HTTP {httpStatus}";
        if (code is not null)
        {
            text += $", code {code}";
        }

        if (!string.IsNullOrEmpty(message))
        {
            text += $": {message}";
        }

        return traceId is null ? text : $"{text} (trace id {traceId})";
    }
}
