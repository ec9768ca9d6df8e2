using System.Net.Http.Json;
using System.Net.WebSockets;
using Newtonsoft.Json.Linq;
using OneBotBridge.Bench.Load;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Bench.Relay;

/// <summary>
/// The least a client must do before the QQ gateway sends dispatches: an access token, Hello, Identify,
/// READY. No heartbeats: the simulator does not enforce them, and a relay run is shorter than its interval.
/// </summary>
internal static class UpstreamLogin
{
    /// <summary>guilds, guild_members, direct_message, group_and_c2c_event, interaction, public_guild_messages: the bridge's default.</summary>
    private const long Intents = (1L << 0) | (1L << 1) | (1L << 12) | (1L << 25) | (1L << 26) | (1L << 30);

    /// <summary>Returns the socket right after READY, so every later message is a dispatch to forward.</summary>
    public static async Task<ClientWebSocket> ConnectAsync(Uri tokenUrl, Uri gateway, string appId, string clientSecret, CancellationToken cancellationToken)
    {
        string token;
        using (var http = new HttpClient())
        {
            using var response = await http.PostAsJsonAsync(tokenUrl, new { appId, clientSecret }, cancellationToken);
            response.EnsureSuccessStatusCode();
            token = (string?)JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken))["access_token"]
                ?? throw new InvalidOperationException("the token endpoint answered without access_token");
        }

        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(gateway, cancellationToken);
            var reader = new MessageReader(socket);
            await ExpectAsync(reader, "Hello", frame => (int?)frame["op"] == 10, cancellationToken);
            var identify = new JObject
            {
                ["op"] = 2,
                ["d"] = new JObject { ["token"] = "QQBot " + token, ["intents"] = Intents, ["shard"] = new JArray(0, 1) },
            };
            await socket.SendAsync(OneBotJson.Serialize(identify), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            await ExpectAsync(reader, "READY", frame => (string?)frame["t"] == "READY", cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task ExpectAsync(MessageReader reader, string what, Func<JObject, bool> matches, CancellationToken cancellationToken)
    {
        var message = await reader.ReceiveAsync(cancellationToken)
            ?? throw new InvalidOperationException($"the gateway closed before {what}");
        if (OneBotJson.Parse(message.Span) is not JObject frame || !matches(frame))
        {
            throw new InvalidOperationException($"the gateway sent something else than {what}");
        }
    }
}
