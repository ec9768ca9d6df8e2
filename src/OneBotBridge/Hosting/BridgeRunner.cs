using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneBotBridge.Cli;
using OneBotBridge.Configuration;
using OneBotBridge.Security;

namespace OneBotBridge.Hosting;

/// <summary>Builds, prepares and runs a bridge host to its end, and turns how it ended into an exit code.</summary>
public static class BridgeRunner
{
    /// <returns>0 after a normal stop, 1 after a fatal error (its message written to <paramref name="error"/>, secrets masked).</returns>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = builder.Build();
        var exit = host.Services.GetRequiredService<BridgeExit>();
        var secrets = host.Services.GetRequiredService<BridgeConfiguration>().Secrets().ToList();
        try
        {
            await host.PrepareAsync(cancellationToken);
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while still starting: a normal stop.
        }
        catch (Exception exception)
        {
            // State that cannot be loaded, or a part that failed to start (e.g. a listen address in use), ends the bridge like a fatal error.
            exit.Fail(exception.Message);
        }

        if (exit.FatalMessage is { } message)
        {
            error.WriteLine($"onebot-bridge: fatal: {Redact.Scrub(message, secrets)}");
        }

        return exit.ExitCode;
    }
}
