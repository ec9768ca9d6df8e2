using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneBotBridge.Configuration;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Inbound;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Roster;
using OneBotBridge.Core.Storage;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Hosting;

public static class BridgeStateServiceCollectionExtensions
{
    /// <summary>
    /// The core's state (storage, id map, message store, reply book, held sends, roster) and the event
    /// pump that turns gateway dispatches into OneBot events. Needs <see cref="QQServiceCollectionExtensions.AddQQGateway"/>
    /// and <see cref="OneBotDownstreamServiceCollectionExtensions.AddOneBotDownstream"/>.
    /// </summary>
    public static IServiceCollection AddBridgeState(this IServiceCollection services)
    {
        // Opening the database and loading ids happens once, while the host builds its services at start-up,
        // before anything is served; nothing runs concurrently with it, so waiting here cannot deadlock.
        services.AddSingleton<IBridgeStore>(provider => SqliteBridgeStore.OpenAsync(
            provider.GetRequiredService<BridgeConfiguration>().Storage,
            provider.GetRequiredService<ILogger<SqliteBridgeStore>>(),
            CancellationToken.None).GetAwaiter().GetResult());
        services.AddSingleton(provider => IdMap.LoadAsync(
            provider.GetRequiredService<IBridgeStore>(),
            provider.GetRequiredService<BridgeConfiguration>().Ids,
            provider.GetRequiredService<ILogger<IdMap>>(),
            CancellationToken.None).GetAwaiter().GetResult());
        services.AddSingleton(provider => ReplyContextBook.LoadAsync(
            provider.GetRequiredService<IBridgeStore>(),
            provider.GetRequiredService<BridgeConfiguration>().Replies,
            provider.GetRequiredService<TimeProvider>(),
            CancellationToken.None).GetAwaiter().GetResult());
        services.AddSingleton(provider => new MessageStore(
            provider.GetRequiredService<IBridgeStore>(),
            provider.GetRequiredService<BridgeConfiguration>().Storage,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new PendingSends(
            provider.GetRequiredService<BridgeConfiguration>().HoldUnreplyable,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ChatRoster>();
        services.AddSingleton<InboundState>();
        services.AddSingleton(provider => new DispatchTranslator(provider.GetRequiredService<InboundState>()));
        services.AddSingleton(provider => provider.GetRequiredService<BridgeConfiguration>().Inbound);
        services.AddSingleton<InboundCounters>();
        services.AddSingleton<System.Threading.Channels.ChannelReader<GatewayDispatch>>(provider =>
            provider.GetRequiredService<GatewayDispatchChannel>().Reader);
        services.AddHostedService<EventPump>();
        services.AddHostedService<StatePruner>();
        return services;
    }
}
