namespace OneBotBridge.Tests.Host;

/// <summary>A fresh temporary directory, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("onebot-bridge-test-").FullName;

    /// <summary>A database path inside the directory, for <c>storage.path</c>.</summary>
    public string Database => System.IO.Path.Combine(Path, "data", "bridge.db");

    /// <summary>A <c>storage:</c> section keeping the bridge's state in this directory.</summary>
    public string StorageYaml => $"storage:\n  path: '{Database}'\n";

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
