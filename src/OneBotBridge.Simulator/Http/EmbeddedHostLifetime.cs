using Microsoft.Extensions.Hosting;

namespace OneBotBridge.Simulator.Http;

/// <summary>
/// The simulator lives inside someone else's process: it must not take over Ctrl+C or SIGTERM,
/// its owner stops it by disposing it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
