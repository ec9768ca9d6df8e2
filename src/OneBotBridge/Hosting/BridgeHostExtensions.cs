using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OneBotBridge.Hosting;

public static class BridgeHostExtensions
{
    /// <summary>
    /// Loads what the host's parts need before any of them is created or started: the
    /// <see cref="PersistentState"/>, when the host has one. Call between <c>Build</c> and <c>Start</c>;
    /// <see cref="BridgeRunner"/> does.
    /// </summary>
    public static Task PrepareAsync(this IHost host, CancellationToken cancellationToken) =>
        host.Services.GetService<PersistentState>() is { } state ? state.LoadAsync(cancellationToken) : Task.CompletedTask;
}
