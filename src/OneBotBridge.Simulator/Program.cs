using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using OneBotBridge.Simulator;

if (!StandaloneArguments.TryParse(args, out var options, out var error))
{
    if (error.Length > 0)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(StandaloneArguments.Usage);
    return error.Length == 0 ? 0 : 2;
}

options.ConfigureLogging = logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("Microsoft", LogLevel.Warning)
    .AddSimpleConsole(console => console.SingleLine = true);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});

await using var simulator = await QQSimulator.StartAsync(options, stop.Token);
Console.WriteLine($"api-base: {simulator.ApiBase}");
Console.WriteLine($"token-url: {simulator.TokenUrl}");
Console.WriteLine($"gateway-url: {simulator.GatewayUrl}");
Console.WriteLine($"control: {simulator.ApiBase}/_sim");
Console.WriteLine($"app-id: {simulator.Options.AppId}");
Console.WriteLine($"secret: {simulator.Options.ClientSecret}");
if (simulator.Webhook.Url is { } callback)
{
    Console.WriteLine($"webhook: events are POSTed, signed, to {callback} (validated before the first one)");
}

Console.WriteLine("Press Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM: dispose the simulator and leave.
}

return 0;
