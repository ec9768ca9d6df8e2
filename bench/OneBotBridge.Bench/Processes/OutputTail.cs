namespace OneBotBridge.Bench.Processes;

/// <summary>The last lines a process wrote, for a failure message.</summary>
internal sealed class OutputTail
{
    private const int KeptLines = 40;

    private readonly Queue<string> _lines = new();

    public void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
