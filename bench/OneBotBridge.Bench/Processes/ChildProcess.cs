using System.Diagnostics;
using System.Runtime.InteropServices;
using OneBotBridge.Bench.Measurement;

namespace OneBotBridge.Bench.Processes;

/// <summary>
/// A process the bench started: its output kept (the last lines) for failure messages, a meter on it,
/// and a stop that asks with SIGTERM, as systemd does, before it kills.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly OutputTail _output;

    private ChildProcess(Process process, string name, OutputTail output)
    {
        _process = process;
        _output = output;
        Name = name;
        Meter = new ProcessMeter(process.Id);
    }

    public string Name { get; }

    public ProcessMeter Meter { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="executable"/>, an apphost beside the bench, with its output captured.</summary>
    public static ChildProcess Start(string name, string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var output = new OutputTail();
        process.OutputDataReceived += (_, line) => output.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => output.Keep(line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new BenchFailedException($"{name} did not start: {exception.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, name, output);
    }

    /// <summary>A failure naming the process, with its exit code when it ended and its last output.</summary>
    public BenchFailedException Failure(string what)
    {
        var exit = _process.HasExited ? $" (exit code {_process.ExitCode})" : "";
        return new BenchFailedException($"{what}{exit}; {Name} wrote:{Environment.NewLine}{_output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int processId, int signal);
}
