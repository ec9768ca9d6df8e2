using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneBotBridge.Configuration;
using OneBotBridge.Core.Outbound;

namespace OneBotBridge.Hosting;

public static class BridgeServiceCollectionExtensions
{
    /// <summary>
    /// The services every verb's host shares: the configuration and its sections (the QQ and OneBot ones
    /// also as <see cref="IOptions{TOptions}"/>), the clock, <see cref="BridgeExit"/> and the startup summary.
    /// The runtime parts add themselves on top (<see cref="AddBridgeRuntime"/>).
    /// </summary>
    public static IServiceCollection AddBridgeCore(this IServiceCollection services, BridgeConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(configuration.Qq);
        services.AddSingleton(Options.Create(configuration.Qq));
        services.AddSingleton(configuration.OneBot);
        services.AddSingleton(Options.Create(configuration.OneBot));
        services.AddSingleton(configuration.HoldUnreplyable);
        services.AddSingleton(configuration.Inbound);
        services.AddSingleton(configuration.Storage);
        services.AddSingleton(configuration.Ids);
        services.AddSingleton(configuration.Replies);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BridgeExit>();
        services.AddHostedService<StartupSummary>();
        return services;
    }

    /// <summary>
    /// Everything <c>run</c> runs: the persistent state, the OneBot downstream, the event path, the action
    /// handlers that send to QQ, and the QQ upstream, with the bot state following the upstream's health. Hosted services start in this order and
    /// stop in reverse: the state is loaded first and flushed last; frameworks can connect before the upstream
    /// starts; the upstream stops first, so nothing arrives after the event pump stopped.
    /// The host must be prepared (<see cref="BridgeHostExtensions.PrepareAsync"/>) before it starts.
    /// </summary>
    public static IServiceCollection AddBridgeRuntime(this IServiceCollection services)
    {
        services.AddBridgeState();
        services.AddHostedService<BotStateFollowsUpstream>();
        services.AddOneBotDownstream();
        services.AddInbound();
        services.AddSingleton(provider => provider.GetRequiredService<BridgeConfiguration>().Media);
        services.AddBridgeOutbound();
        services.AddQQUpstream();
        return services;
    }
}
