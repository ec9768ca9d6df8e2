using Microsoft.Extensions.Hosting;
using OneBotBridge.Cli;

namespace OneBotBridge.Hosting;

/// <summary>
/// How the running bridge ends: a part that hits a fatal upstream error calls <see cref="Fail"/>,
/// which stops the host; <c>run</c> then exits with <see cref="ExitCode"/> and prints <see cref="FatalMessage"/>.
/// </summary>
public sealed class BridgeExit(IHostApplicationLifetime lifetime)
{
    private readonly Lock _gate = new();

    public int ExitCode { get; private set; } = ExitCodes.Ok;

    public string? FatalMessage { get; private set; }

    /// <summary>Stops the bridge with exit code 1; only the first failure is kept.</summary>
    public void Fail(string message)
    {
        lock (_gate)
        {
            if (FatalMessage is not null)
            {
                return;
            }

            FatalMessage = message;
            ExitCode = ExitCodes.Fatal;
        }

        lifetime.StopApplication();
    }
}
