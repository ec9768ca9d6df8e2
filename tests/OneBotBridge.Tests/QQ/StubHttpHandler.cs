using System.Net;
using System.Text;

namespace OneBotBridge.Tests.QQ;

/// <summary>An in-test HTTP endpoint: answers with <see cref="Respond"/> and records every request.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<StubRequest> _requests = [];

    public required Func<StubRequest, HttpResponseMessage> Respond { get; set; }

    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new StubRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("X-Union-Appid", out var appIds) ? appIds.Single() : null,
            body);
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        return Respond(recorded);
    }
}

internal sealed record StubRequest(string Method, Uri Uri, string? Authorization, string? UnionAppId, string Body);
