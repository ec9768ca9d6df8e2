using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Events;

namespace OneBotBridge.OneBot;

public static class OneBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol side: <see cref="BotState"/>, the <see cref="EventHub"/> (also as
    /// <see cref="IEventSource"/>), the built-in action handlers, an <see cref="ActionRegistry"/> of
    /// every registered <see cref="IOneBotActionHandler"/> and the <see cref="IActionDispatcher"/>.
    /// Logging must be registered too.
    /// </summary>
    public static IServiceCollection AddOneBotProtocol(this IServiceCollection services)
    {
        services.TryAddSingleton<BotState>();
        services.TryAddSingleton<EventHub>();
        services.TryAddSingleton<IEventSource>(provider => provider.GetRequiredService<EventHub>());
        services.TryAddSingleton(provider => ActionRegistry.FromHandlers(provider.GetServices<IOneBotActionHandler>()));
        services.TryAddSingleton<IActionDispatcher, ActionDispatcher>();
        return services.AddOneBotActionHandlers(typeof(ActionDispatcher).Assembly);
    }

    /// <summary>Registers every <see cref="OneBotActionAttribute"/>-named handler class of <paramref name="assembly"/> as a singleton.</summary>
    public static IServiceCollection AddOneBotActionHandlers(this IServiceCollection services, Assembly assembly)
    {
        var handlerTypes = assembly.GetTypes().Where(type =>
            type is { IsClass: true, IsAbstract: false }
            && typeof(IOneBotActionHandler).IsAssignableFrom(type)
            && type.IsDefined(typeof(OneBotActionAttribute), inherit: false));
        foreach (var type in handlerTypes)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IOneBotActionHandler), type));
        }

        return services;
    }
}
