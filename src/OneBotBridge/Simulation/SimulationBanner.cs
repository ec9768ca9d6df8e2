using Microsoft.Extensions.Hosting;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>Says, once the servers are listening, what is running and where to point NoneBot2 and Koishi.</summary>
internal sealed class SimulationBanner(
    QQSimulator simulator,
    OneBotTransports transports,
    OneBotOptions onebot,
    BotState bot,
    SimulationSettings settings,
    TextWriter output) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"Simulated QQ platform at {simulator.ApiBase} (app id {simulator.Options.AppId}); the bridge logs in to it as a real bot would.");
        foreach (var address in transports.ForwardWsAddresses)
        {
            var endpoint = $"ws://{address.Authority}";
            output.WriteLine($"OneBot v11 forward WebSocket: {endpoint}  (self_id {bot.SelfId}{(onebot.AccessToken.Length > 0 ? ", access token required" : "")})");
            output.WriteLine($"  NoneBot2: ONEBOT_WS_URLS=[\"{endpoint}\"] in .env");
            output.WriteLine($"  Koishi:   adapter-onebot {{ protocol: 'ws', endpoint: '{endpoint}', selfId: '{bot.SelfId}' }}");
        }

        foreach (var target in onebot.ReverseWs)
        {
            output.WriteLine($"OneBot v11 reverse WebSocket: dialling {target.Url ?? target.EventUrl}");
        }

        output.WriteLine(settings.Demo
            ? $"A demo conversation plays every {DemoConversation.Interval.TotalSeconds:0} s (--no-demo turns it off)."
            : "No demo conversation (--no-demo).");
        output.WriteLine("Type a line to send it to the demo group as an @-message; '/c2c text' sends a private message, '/guild text' a channel message.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What the <c>simulate</c> command line asked for.</summary>
internal sealed record SimulationSettings(bool Demo);
