using System.Collections.Concurrent;

namespace OneBotBridge.Tests.Host;

/// <summary>Standard input as a test types it: <see cref="ReadLine"/> blocks until a line is typed or the input is closed.</summary>
internal sealed class TerminalInput : TextReader
{
    private readonly BlockingCollection<string> _lines = new(boundedCapacity: 16);

    public void Type(string line) => _lines.Add(line);

    /// <summary>End of input, like Ctrl+D or a closed pipe.</summary>
    public override void Close() => _lines.CompleteAdding();

    public override string? ReadLine() => _lines.TryTake(out var line, Timeout.Infinite) ? line : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.CompleteAdding();
        }

        base.Dispose(disposing);
    }
}
