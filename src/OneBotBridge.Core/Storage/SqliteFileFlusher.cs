using Microsoft.Win32.SafeHandles;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// Writes the database file's cached pages to disk, apart from SQLite. A passive checkpoint that could not copy
/// the whole log (the writer appended meanwhile) leaves the pages it copied unsynced; the checkpoint that does
/// finish, on the writer, would then sync them all while every write waits. Flushing them beside the writer
/// first leaves that checkpoint a few pages to sync. The extra flush only adds durability: SQLite still syncs
/// wherever it would.
/// </summary>
/// <remarks>
/// The handle stays open until the store has closed every connection: closing any descriptor of a file drops
/// all of the process's POSIX locks on it, including those SQLite's connections hold.
/// </remarks>
internal sealed class SqliteFileFlusher(string databasePath) : IDisposable
{
    // Write access only because Windows flushes nothing through a read-only handle; nothing is written.
    private readonly SafeFileHandle _database = File.OpenHandle(
        databasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);

    /// <exception cref="IOException">The flush failed; SQLite's own sync will still cover these pages.</exception>
    public void FlushDatabase() => RandomAccess.FlushToDisk(_database);

    public void Dispose() => _database.Dispose();
}
