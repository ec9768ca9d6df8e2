namespace OneBotBridge.Bench.Processes;

/// <summary>A fresh temporary directory for a bridge's configuration and database, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("onebot-bridge-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
