using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Tests.Core;

/// <summary>A SQLite file in a fresh temporary directory, deleted with it.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "onebotbridge-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_directory, "nested", "bridge.db");

    public StorageOptions Options(int batchSize = 256) => new() { Path = Path, BatchSize = batchSize };

    public Task<SqliteBridgeStore> OpenAsync(int batchSize = 256) =>
        SqliteBridgeStore.OpenAsync(Options(batchSize), NullLogger<SqliteBridgeStore>.Instance, CancellationToken.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
