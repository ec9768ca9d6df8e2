using System.Globalization;

namespace OneBotBridge.Bench.Measurement;

/// <summary>CPU time and resident memory of one Linux process, read from <c>/proc</c>.</summary>
internal sealed class ProcessMeter(int processId)
{
    /// <summary>USER_HZ: the unit of utime and stime in <c>/proc/PID/stat</c>, 100 on every Linux architecture .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    public static ProcessMeter Self { get; } = new(Environment.ProcessId);

    /// <summary>User plus system CPU time so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var userTicks = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var systemTicks = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (userTicks + systemTicks) / ClockTicksPerSecond;
    }

    public long ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>The highest resident size since the process started or <see cref="ResetPeak"/>.</summary>
    public long PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    /// <summary>Starts a new peak from the current resident size (<c>clear_refs</c> value 5).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{processId}/clear_refs", "5");

    private long StatusKilobytes(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {key}");
    }
}
