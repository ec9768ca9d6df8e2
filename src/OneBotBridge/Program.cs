using System.Runtime;
using OneBotBridge.Cli;

// A bridge is a latency-sensitive service: while memory allows, full collections run in the background
// instead of stopping every event and action for tens of milliseconds.
GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

return await BridgeCli.InvokeAsync(args, Console.Out, Console.Error);
