using OneBotBridge.Bench.Load;
using OneBotBridge.Bench.Processes;
using OneBotBridge.Bench.Reporting;

namespace OneBotBridge.Bench.Scenarios;

/// <summary>
/// The connections scenario: the resident memory of the idle bridge once it settled, then with many idle
/// forward-WS connections, each of which got its lifecycle event and keeps reading (heartbeats).
/// </summary>
internal static class ConnectionsScenario
{
    public static async Task<ConnectionsResult> RunAsync(BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var simulator = await BenchSimulator.StartAsync(cancellationToken);
        using var data = new TempDirectory();
        await using var bridge = await SystemUnderTest.StartBridgeAsync(simulator, data.Path, cancellationToken);
        await Task.Delay(settings.Settle, cancellationToken);
        var idle = bridge.Process.Meter.ResidentBytes();

        // No events are pushed: the clients only need their empty push log to ignore heartbeats.
        var nothingPushed = new PushLog(0);
        var clients = new List<EventClient>();
        try
        {
            foreach (var chunk in Enumerable.Range(0, settings.IdleConnections).Chunk(32))
            {
                clients.AddRange(await Task.WhenAll(chunk.Select(_ => EventClient.ConnectAsync(bridge.ClientUri, nothingPushed, cancellationToken))));
            }

            await Task.Delay(settings.Settle, cancellationToken);
            if (clients.Select((client, index) => (client.Failure, index)).FirstOrDefault(entry => entry.Failure is not null) is { Failure: { } failure } broken)
            {
                throw bridge.Process.Failure($"idle connection {broken.index}: {failure}");
            }

            var result = new ConnectionsResult(clients.Count, Megabytes.Of(idle), Megabytes.Of(bridge.Process.Meter.ResidentBytes()));
            progress.WriteLine(
                $"connections: idle {result.IdleRssMegabytes:0.0} MB, with {result.Connections} connections {result.ConnectedRssMegabytes:0.0} MB (+{result.AddedMegabytes:0.0} MB)");
            return result;
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
        }
    }
}
