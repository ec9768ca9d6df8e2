using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneBotBridge.OneBot.Transports;

/// <summary>
/// A Kestrel server on one listen address, built in code with nothing read from the environment,
/// logging into the bridge's logger factory. Port 0 picks a free port; <see cref="Address"/> tells which.
/// </summary>
internal sealed class KestrelHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public KestrelHost(ListenAddress listen, ILoggerFactory loggerFactory, Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(listen.ApplyTo);
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        _app = builder.Build();
        configure(_app);
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234/</c>; valid once started.</summary>
    public Uri Address =>
        new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Fires when <see cref="StopAsync"/> begins, before Kestrel waits for open requests to end.</summary>
    public CancellationToken Stopping => _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
