using System.Diagnostics;
using System.Threading.Channels;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>
/// The real Koishi of <c>tests/e2e/koishi</c>, run with node: installs its npm packages when they
/// are missing, starts <c>koishi-bot.mjs</c> and reads its milestone lines with a bounded wait.
/// </summary>
internal sealed class KoishiProcess : IDisposable
{
    private static readonly TimeSpan LineWait = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(4096);
    private readonly List<string> _transcript = [];

    private KoishiProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
    }

    public static string ProjectDirectory { get; } = RepositoryFiles.PathOf(Path.Combine("tests", "e2e", "koishi"));

    /// <summary>Fails (never skips) when node or npm is missing or the install fails.</summary>
    public static void EnsureInstalled()
    {
        var (nodeExit, nodeOutput) = Run("node", "--version", TimeSpan.FromSeconds(20));
        if (nodeExit != 0)
        {
            Assert.Fail($"The Koishi end-to-end test needs Node.js 20+ on PATH (`node --version` failed: {nodeOutput}).");
        }

        if (Directory.Exists(Path.Combine(ProjectDirectory, "node_modules", "koishi-plugin-adapter-onebot")))
        {
            return;
        }

        var (npmExit, npmOutput) = Run("npm", "ci --no-audit --no-fund", TimeSpan.FromMinutes(3));
        if (npmExit != 0)
        {
            Assert.Fail($"`npm ci` in {ProjectDirectory} failed ({npmExit}):\n{npmOutput}");
        }
    }

    public static KoishiProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("koishi-bot.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var koishi = new KoishiProcess(new Process { StartInfo = start });
        koishi._process.Start();
        koishi._process.BeginOutputReadLine();
        koishi._process.BeginErrorReadLine();
        return koishi;
    }

    /// <summary>The rest of the first line that starts with <paramref name="prefix"/> and a space.</summary>
    public async Task<string> WaitForAsync(string prefix)
    {
        using var timeout = new CancellationTokenSource(LineWait);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                if (line.StartsWith("ERROR ", StringComparison.Ordinal))
                {
                    Assert.Fail($"Koishi reported {line}\n{Transcript}");
                }

                if (line.StartsWith(prefix + " ", StringComparison.Ordinal))
                {
                    return line[(prefix.Length + 1)..];
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"Koishi did not print '{prefix}' within {LineWait.TotalSeconds} s. Its output:\n{Transcript}");
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return string.Join('\n', _transcript);
            }
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_transcript)
        {
            _transcript.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }

    private static (int ExitCode, string Output) Run(string file, string arguments, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = ProjectDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"timed out after {timeout}");
            }

            return (process.ExitCode, output.Result + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
