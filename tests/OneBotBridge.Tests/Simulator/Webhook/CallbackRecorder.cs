using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Webhook;

namespace OneBotBridge.Tests.Simulator.Webhook;

/// <summary>
/// A bot's callback endpoint on 127.0.0.1:0 that records every request. It answers op 13 signed with
/// <see cref="ValidationSecret"/>'s key and dispatches with canned answers (then <c>{"op":12,"d":0}</c>).
/// </summary>
internal sealed class CallbackRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedCallback> _requests = [];
    private readonly Queue<(int Status, string Body)> _dispatchAnswers = new();

    private CallbackRecorder(string validationSecret)
    {
        ValidationSecret = validationSecret;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public string ValidationSecret { get; set; }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedCallback> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedCallback> Dispatches => [.. Requests.Where(request => (int?)request.Json["op"] == 0)];

    public static async Task<CallbackRecorder> StartAsync(string validationSecret)
    {
        var recorder = new CallbackRecorder(validationSecret);
        await recorder._app.StartAsync();
        var address = recorder._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        recorder.Url = new Uri(new Uri(address), "/callback");
        return recorder;
    }

    /// <summary>The next dispatches are answered with these, in order.</summary>
    public void AnswerNextDispatches(params (int Status, string Body)[] answers)
    {
        lock (_gate)
        {
            foreach (var answer in answers)
            {
                _dispatchAnswers.Enqueue(answer);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var recorded = new RecordedCallback(
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());

        (int Status, string Body) answer;
        lock (_gate)
        {
            _requests.Add(recorded);
            answer = (int?)recorded.Json["op"] == 13
                ? (200, new WebhookSigner(WebhookKey.FromClientSecret(ValidationSecret)).AnswerValidation(recorded.Json["d"]!, out _)!.ToString())
                : _dispatchAnswers.TryDequeue(out var canned) ? canned : (200, """{"op":12,"d":0}""");
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}

internal sealed record RecordedCallback(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JObject Json => JObject.Parse(System.Text.Encoding.UTF8.GetString(Body));

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
