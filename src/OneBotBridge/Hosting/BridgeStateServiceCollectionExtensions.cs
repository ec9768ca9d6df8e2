using Microsoft.Extensions.DependencyInjection;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Roster;

namespace OneBotBridge.Hosting;

public static class BridgeStateServiceCollectionExtensions
{
    /// <summary>
    /// The bridge's memory as singletons: <see cref="PersistentState"/> and what it loads (id map, message
    /// store, reply book), the held sends of <c>qq.hold_unreplyable</c> and the roster; plus the hosted service
    /// that prunes the state and flushes it at the end. Needs <see cref="BridgeServiceCollectionExtensions.AddBridgeCore"/>.
    /// </summary>
    public static IServiceCollection AddBridgeState(this IServiceCollection services)
    {
        services.AddSingleton<PersistentState>();
        services.AddSingleton(provider => provider.GetRequiredService<PersistentState>().Ids);
        services.AddSingleton(provider => provider.GetRequiredService<PersistentState>().Messages);
        services.AddSingleton(provider => provider.GetRequiredService<PersistentState>().Replies);
        services.AddSingleton(provider => new PendingSends(
            provider.GetRequiredService<HoldUnreplyableOptions>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ChatRoster>();
        services.AddHostedService<StateMaintenance>();
        return services;
    }
}
