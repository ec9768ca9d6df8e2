namespace OneBotBridge.Simulation;

/// <summary>
/// Where <c>simulate</c> talks to the person at the terminal: whole lines, one writer at a time, since the
/// demo, the terminal chat and the platform's request threads all print. Each conversation line shows its
/// direction: <c>QQ platform →</c> what the platform delivered to the bridge, <c>QQ platform ←</c> what it received.
/// </summary>
internal sealed class SimulationConsole(TextWriter output)
{
    private readonly Lock _gate = new();

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }

    /// <summary>A message the platform delivered to the bridge.</summary>
    public void Delivered(string line) => WriteLine($"QQ platform → {line}");

    /// <summary>A request the platform received from the bridge, and how it answered.</summary>
    public void Received(string line) => WriteLine($"QQ platform ← {line}");
}
