using System.CommandLine;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OneBotBridge.Bench.Load;

namespace OneBotBridge.Bench.Relay;

/// <summary>
/// The hidden <c>relay-process</c> verb: the physical limit the bridge is compared with. It logs in to the
/// gateway like the bridge, serves WebSocket clients on the same kind of server (Kestrel), and forwards each
/// dispatch's bytes, untouched, to every client. Credentials come from QQ_APP_ID and QQ_CLIENT_SECRET.
/// </summary>
internal static class RelayCommand
{
    public const string Name = "relay-process";

    /// <summary>The first frame a client gets, once it receives dispatches: the relay's lifecycle event.</summary>
    private static readonly byte[] Greeting = """{"relay":"connected"}"""u8.ToArray();

    public static Command Create()
    {
        var tokenUrl = new Option<string>("--token-url") { Required = true };
        var gateway = new Option<string>("--gateway") { Required = true };
        var port = new Option<int>("--port") { Required = true };
        var command = new Command(Name, "Forward the simulated gateway's dispatches to WebSocket clients (used by the relay scenario)")
        {
            Hidden = true,
        };
        command.Options.Add(tokenUrl);
        command.Options.Add(gateway);
        command.Options.Add(port);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Uri(parseResult.GetRequiredValue(tokenUrl)),
            new Uri(parseResult.GetRequiredValue(gateway)),
            parseResult.GetRequiredValue(port),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Uri tokenUrl, Uri gateway, int port, CancellationToken cancellationToken)
    {
        var fanout = new Fanout();
        // Like the simulator's: nothing read from the environment, no configuration file watched.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Run(context => ServeClientAsync(context, fanout));
        await app.StartAsync(cancellationToken);

        var appId = Environment.GetEnvironmentVariable("QQ_APP_ID") ?? "";
        var secret = Environment.GetEnvironmentVariable("QQ_CLIENT_SECRET") ?? "";
        using var upstream = await UpstreamLogin.ConnectAsync(tokenUrl, gateway, appId, secret, cancellationToken);
        var reader = new MessageReader(upstream);
        try
        {
            while (await reader.ReceiveAsync(cancellationToken) is { } frame)
            {
                await fanout.ForwardAsync(frame, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task ServeClientAsync(HttpContext context, Fanout fanout)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // Added before the greeting: a client starts counting once greeted, and a frame forwarded between the two
        // would be lost to it. Nothing is forwarded while clients connect (the bench pushes only once all are greeted),
        // so the greeting never shares the socket with a forwarded frame.
        fanout.Add(socket);
        try
        {
            await socket.SendAsync(Greeting, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            var reader = new MessageReader(socket);
            while (await reader.ReceiveAsync(context.RequestAborted) is not null)
            {
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
        }
        finally
        {
            fanout.Remove(socket);
        }
    }
}
