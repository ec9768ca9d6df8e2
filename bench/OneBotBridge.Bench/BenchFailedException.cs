namespace OneBotBridge.Bench;

/// <summary>The bench itself failed (a process did not start, an event was lost): no figure can be trusted.</summary>
internal sealed class BenchFailedException(string message) : Exception(message);
