using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneBotBridge.Configuration;

namespace OneBotBridge.Hosting;

public static class BridgeServiceCollectionExtensions
{
    /// <summary>
    /// The services every verb's host shares: the configuration and its sections (also as
    /// <see cref="IOptions{TOptions}"/>), the clock, <see cref="BridgeExit"/> and the startup summary.
    /// The upstream (QQ) and downstream (OneBot) parts add themselves as hosted services on top.
    /// </summary>
    public static IServiceCollection AddBridgeCore(this IServiceCollection services, BridgeConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(configuration.Qq);
        services.AddSingleton(Options.Create(configuration.Qq));
        services.AddSingleton(configuration.OneBot);
        services.AddSingleton(Options.Create(configuration.OneBot));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BridgeExit>();
        services.AddHostedService<StartupSummary>();
        return services;
    }

    /// <summary>
    /// Everything <c>run</c> runs: the QQ upstream, the OneBot downstream, and the bot state that
    /// follows the upstream's health.
    /// </summary>
    public static IServiceCollection AddBridgeRuntime(this IServiceCollection services)
    {
        services.AddQQGateway();
        services.AddOneBotDownstream();
        services.AddBridgeState();
        services.AddHostedService<BotStateFollowsGateway>();
        return services;
    }
}
