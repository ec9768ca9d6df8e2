using Microsoft.Extensions.Hosting;
using OneBotBridge.Core.Storage;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.Security;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>Says, once the servers are listening, what runs where, how to point NoneBot2 and Koishi at it, and how to chat.</summary>
internal sealed class SimulationBanner(
    QQSimulator simulator,
    OneBotTransports transports,
    OneBotOptions onebot,
    StorageOptions storage,
    BotState bot,
    SimulationSettings settings,
    SimulationConsole console) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        console.WriteLine($"Simulated QQ platform at {simulator.ApiBase} (app id {simulator.Options.AppId}); the bridge logs in to it as to the real one.");
        console.WriteLine($"Storage: {Path.GetFullPath(storage.Path)}; OneBot self_id {bot.SelfId}{(onebot.AccessToken.Length > 0 ? "; access token required" : "")}.");
        foreach (var address in transports.ForwardWsAddresses)
        {
            var endpoint = $"ws://{address.Authority}";
            console.WriteLine($"Forward WebSocket {endpoint}:");
            console.WriteLine($"  NoneBot2  .env: ONEBOT_WS_URLS=[\"{endpoint}\"]");
            console.WriteLine($"  Koishi    adapter-onebot: {{ protocol: 'ws', endpoint: '{endpoint}', selfId: '{bot.SelfId}' }}");
        }

        foreach (var target in onebot.ReverseWs)
        {
            console.WriteLine($"Reverse WebSocket: dialling {Redact.Url(target.EventUrl ?? target.Url)} (NoneBot2 listens on /onebot/v11/ws, Koishi on its adapter's path).");
        }

        if (transports.ForwardWsAddresses.Count == 0 && onebot.ReverseWs.Count == 0)
        {
            console.WriteLine("No WebSocket for frameworks is configured: add onebot.forward_ws or onebot.reverse_ws to the configuration.");
        }

        console.WriteLine(settings.Demo
            ? $"Demo: while a framework is connected, Alice and Bob talk every {DemoConversation.Interval.TotalSeconds:0} s (--no-demo turns this off)."
            : "Demo off (--no-demo).");
        console.WriteLine("Type a line to say it in the demo group as an @-message; '/c2c text' says it privately, '/guild text' in the channel.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
