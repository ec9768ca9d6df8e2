using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Hosting;

public static class OneBotDownstreamServiceCollectionExtensions
{
    /// <summary>
    /// The downstream: the OneBot protocol services (bot state, event hub, action dispatcher) and
    /// every transport under <c>onebot</c>, run as one hosted service. The <see cref="BotState"/>'s self_id is
    /// known from configuration at once (<see cref="SelfIdSource"/>); whoever runs the upstream keeps its health.
    /// Needs <see cref="BridgeServiceCollectionExtensions.AddBridgeCore"/>.
    /// </summary>
    public static IServiceCollection AddOneBotDownstream(this IServiceCollection services)
    {
        services.AddSingleton(provider => SelfIdSource.From(
            provider.GetRequiredService<OneBotOptions>(),
            provider.GetRequiredService<QQOptions>()));
        services.AddSingleton(provider => new BotState { SelfId = provider.GetRequiredService<SelfIdSource>().SelfId });
        services.AddOneBotProtocol();
        services.AddSingleton(provider => new OneBotTransports(
            provider.GetRequiredService<OneBotOptions>(),
            provider.GetRequiredService<IActionDispatcher>(),
            provider.GetRequiredService<IEventSource>(),
            provider.GetRequiredService<BotState>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(provider => provider.GetRequiredService<OneBotTransports>());
        return services;
    }
}
