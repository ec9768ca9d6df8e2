using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.OpenApi;
using OneBotBridge.QQ.Webhook;

namespace OneBotBridge.Hosting;

public static class QQServiceCollectionExtensions
{
    private const string HttpClientKey = "qq";

    /// <summary>
    /// The upstream: token source, OpenAPI client and the way events come in as <c>qq.transport</c> says (the
    /// gateway, or the webhook receiver), run by a hosted service into the <see cref="GatewayDispatchChannel"/>.
    /// Needs <see cref="BridgeServiceCollectionExtensions.AddBridgeCore"/>.
    /// </summary>
    public static IServiceCollection AddQQUpstream(this IServiceCollection services)
    {
        services.AddKeyedSingleton(HttpClientKey, (_, _) => new HttpClient(new SocketsHttpHandler
        {
            // Long-lived client: re-resolve DNS now and then.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }));
        services.AddSingleton(provider => new QQTokenSource(
            provider.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            provider.GetRequiredService<QQOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<QQTokenSource>>()));
        services.AddSingleton(provider => new QQOpenApiClient(
            provider.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            provider.GetRequiredService<QQTokenSource>(),
            provider.GetRequiredService<QQOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<QQOpenApiClient>>()));
        services.AddSingleton(provider => new QQGateway(
            provider.GetRequiredService<QQOptions>(),
            provider.GetRequiredService<QQOpenApiClient>(),
            provider.GetRequiredService<QQTokenSource>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(provider => new QQWebhookReceiver(
            provider.GetRequiredService<QQOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IQQUpstream>(provider => provider.GetRequiredService<QQOptions>().Transport == QQTransport.Webhook
            ? ActivatorUtilities.CreateInstance<WebhookUpstream>(provider)
            : new GatewayUpstream(provider.GetRequiredService<QQGateway>()));
        services.AddGatewayDispatchChannel();
        services.AddHostedService<UpstreamPump>();
        return services;
    }

    /// <summary>The <see cref="GatewayDispatchChannel"/>, also as its <see cref="ChannelReader{T}"/> for the consumer.</summary>
    internal static IServiceCollection AddGatewayDispatchChannel(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayDispatchChannel>();
        services.TryAddSingleton(provider => provider.GetRequiredService<GatewayDispatchChannel>().Reader);
        return services;
    }
}
