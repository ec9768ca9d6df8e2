using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>One event POST as received: headers and the exact body bytes.</summary>
internal sealed record ReceivedPost(IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Plays a framework's HTTP POST endpoint on loopback: records every request and answers with the
/// scripted replies in order, then 204.
/// </summary>
internal sealed class FakeEventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedPost> _posts = Channel.CreateBounded<ReceivedPost>(1024);
    private readonly Queue<(int Status, string Body)> _replies = new();

    private FakeEventReceiver()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLogging();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public string Url => new Uri(new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()), "/onebot").ToString();

    public static async Task<FakeEventReceiver> StartAsync()
    {
        var receiver = new FakeEventReceiver();
        await receiver._app.StartAsync();
        return receiver;
    }

    public void Reply(int status, string body = "")
    {
        lock (_replies)
        {
            _replies.Enqueue((status, body));
        }
    }

    public async Task<ReceivedPost> NextAsync()
    {
        using var timeout = new CancellationTokenSource(JsonWebSocket.DefaultWait);
        return await _posts.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await _posts.Writer.WriteAsync(new ReceivedPost(headers, body.ToArray()));

        (int Status, string Body) reply;
        lock (_replies)
        {
            reply = _replies.TryDequeue(out var next) ? next : (StatusCodes.Status204NoContent, "");
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        }
    }
}
