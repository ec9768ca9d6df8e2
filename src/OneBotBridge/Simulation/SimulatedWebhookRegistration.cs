using Microsoft.Extensions.Hosting;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>
/// In webhook mode, does what a bot owner does in the console: once the bridge listens, enters its callback URL
/// at the simulated platform, which validates it (op 13) before it delivers anything. Started before the demo and
/// the terminal chat, so no message is pushed before the platform knows where to send it.
/// </summary>
internal sealed class SimulatedWebhookRegistration(QQWebhookReceiver receiver, QQSimulator simulator, SimulationConsole console) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Uri callback;
        try
        {
            callback = await receiver.Listening.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The upstream pump reports why the receiver cannot listen, and stops the bridge.
            return;
        }

        simulator.Webhook.Url = callback;
        var validation = await simulator.Webhook.SendValidationAsync(cancellationToken);
        console.WriteLine(validation.Passed
            ? $"Webhook: the simulated platform delivers events by signed HTTP callbacks to {callback} (callback validation passed)."
            : $"Webhook: the callback validation of {callback} failed: {validation.Problem}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
