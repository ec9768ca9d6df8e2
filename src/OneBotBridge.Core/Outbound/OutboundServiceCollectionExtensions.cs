using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneBotBridge.OneBot;

namespace OneBotBridge.Core.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sending side: <see cref="MessageSender"/> and its parts, <see cref="MessageRecaller"/> and
    /// the Core action handlers (sends, recall, get_msg, quick operation, roster info, the unsupported set).
    /// Expects <c>IdMap</c>, <c>ReplyContextBook</c>, <c>PendingSends</c>, <c>MessageStore</c>, <c>ChatRoster</c>,
    /// <see cref="MediaOptions"/>, <c>QQOpenApiClient</c>, <c>BotState</c>, <c>OneBotOptions</c> and a
    /// <see cref="TimeProvider"/> to be registered.
    /// </summary>
    public static IServiceCollection AddBridgeOutbound(this IServiceCollection services)
    {
        services.TryAddSingleton<MediaOptions>();
        services.TryAddSingleton<TargetResolver>();
        services.TryAddSingleton<MessageComposer>();
        services.TryAddSingleton<MediaReader>();
        services.TryAddSingleton<MediaUploader>();
        services.TryAddSingleton<MessageSender>();
        services.TryAddSingleton<MessageRecaller>();
        return services.AddOneBotActionHandlers(typeof(OutboundServiceCollectionExtensions).Assembly);
    }
}
