using Microsoft.Extensions.DependencyInjection;
using OneBotBridge.Core.Inbound;

namespace OneBotBridge.Hosting;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// The event path: Core's <see cref="EventPump"/> as the one consumer of the <see cref="GatewayDispatchChannel"/>,
    /// translating each dispatch over the bridge state and publishing it to the OneBot event hub.
    /// Needs <see cref="BridgeStateServiceCollectionExtensions.AddBridgeState"/> and
    /// <see cref="OneBotDownstreamServiceCollectionExtensions.AddOneBotDownstream"/>.
    /// </summary>
    public static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddGatewayDispatchChannel();
        services.AddSingleton<InboundState>();
        services.AddSingleton(provider => new DispatchTranslator(provider.GetRequiredService<InboundState>()));
        services.AddSingleton<InboundCounters>();
        services.AddHostedService<EventPump>();
        return services;
    }
}
