using System.Collections.Concurrent;
using System.Text;

namespace OneBotBridge.Tests.Host;

/// <summary>A writer that collects whole lines and can be read while another thread writes.</summary>
internal sealed class LineCapture : TextWriter
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StringBuilder _current = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public override void Write(char value)
    {
        lock (_current)
        {
            if (value == '\n')
            {
                _lines.Enqueue(_current.ToString().TrimEnd('\r'));
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }
    }
}
