using Microsoft.Extensions.Hosting;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>Prints a <see cref="PlatformReceipt"/> line for every send, upload and recall the simulated platform receives.</summary>
internal sealed class PlatformReceiptPrinter(QQSimulator simulator, SimulationConsole console) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        simulator.RequestRecorded += Print;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        simulator.RequestRecorded -= Print;
        return Task.CompletedTask;
    }

    private void Print(RecordedRequest request)
    {
        if (PlatformReceipt.Format(request) is { } line)
        {
            console.Received(line);
        }
    }
}
