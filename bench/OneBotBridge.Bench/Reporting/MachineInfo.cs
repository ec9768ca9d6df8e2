using System.Runtime.InteropServices;

namespace OneBotBridge.Bench.Reporting;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, double MemoryGigabytes, string Os, string Runtime, string Build, DateTimeOffset Date)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcFileValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        DateTimeOffset.UtcNow);

    private static string? ProcFileValue(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => line[(line.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
