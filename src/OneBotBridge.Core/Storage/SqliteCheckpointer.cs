using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// Copies the write-ahead log back into the database on a connection and a thread of its own. SQLite would
/// otherwise run that checkpoint (and its fsyncs, milliseconds long) on the writer, in the middle of a commit,
/// stalling every event waiting for it; a passive checkpoint beside the writer blocks nobody.
/// <para>
/// It cannot finish alone, though: while it copies, the writer appends, and SQLite only starts the log over
/// when a write begins with every frame copied. So after each pass here the writer copies the few frames
/// appended meanwhile itself, between two batches (<see cref="TakeCatchUpTurn"/>), and its next commit
/// rewinds the log. Without that the log grows by every write for as long as writes keep coming.
/// </para>
/// <para>
/// The writer waits out that catch-up, so this side leaves it as little as it can: two passes (the second
/// copies what was appended during the first), each followed by a flush of the pages it copied
/// (<see cref="SqliteFileFlusher"/>). The catch-up then syncs a few pages, not every page of the cycle.
/// </para>
/// </summary>
internal sealed partial class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>Committed writes between checkpoints: the WAL holds the pages of about this many (some 30 MB).</summary>
    public const int WritesPerCheckpoint = 4096;

    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly string _connectionString;
    private readonly SqliteFileFlusher _flusher;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private int _writesSinceCheckpoint;
    private int _passFinished;
    private int _passesFinished;

    public SqliteCheckpointer(string connectionString, SqliteFileFlusher flusher, ILogger logger)
    {
        _connectionString = connectionString;
        _flusher = flusher;
        _logger = logger;
        _loop = StorageThread.Start("SQLite checkpointer", Run);
    }

    /// <summary>Called by the writer after each commit (from one thread only).</summary>
    public void Committed(int writes)
    {
        _writesSinceCheckpoint += writes;
        if (_writesSinceCheckpoint >= WritesPerCheckpoint)
        {
            _writesSinceCheckpoint = 0;
            _due.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// True once after each pass of this checkpointer: the writer should now copy the rest itself
    /// (<see cref="CatchUp"/>) before its next batch. Called by the writer only.
    /// </summary>
    public bool TakeCatchUpTurn() => Interlocked.Exchange(ref _passFinished, 0) == 1;

    /// <summary>Checkpoint cycles this side has finished so far; each gives the writer one catch-up turn.</summary>
    public int PassesFinished => Volatile.Read(ref _passesFinished);

    /// <summary>
    /// A passive checkpoint on <paramref name="connection"/>: this checkpointer's pass on its own connection, or,
    /// on the writer's between its transactions, the copy of what the last pass left, after which the writer's
    /// next commit starts the log over. A reader still on old frames only defers that.
    /// </summary>
    public static void CatchUp(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        _due.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Run()
    {
        using var connection = new SqliteConnection(_connectionString);
        while (StorageThread.WaitToRead(_due.Reader))
        {
            _due.Reader.TryRead(out _);
            try
            {
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    connection.Open();
                }

                for (var pass = 0; pass < 2; pass++)
                {
                    CatchUp(connection);
                    _flusher.FlushDatabase();
                }

                FinishPass();
            }
            catch (SqliteException e)
            {
                // The next checkpoint copies what this one could not; nothing is lost meanwhile (it is in the WAL).
                Log.CheckpointFailed(_logger, e.Message);
            }
            catch (IOException e)
            {
                // The copied pages stay unsynced until the catch-up syncs them: slower, not less safe.
                Log.FlushFailed(_logger, e.Message);
                FinishPass();
            }
        }
    }

    private void FinishPass()
    {
        Volatile.Write(ref _passFinished, 1);
        Interlocked.Increment(ref _passesFinished);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A storage checkpoint failed; the next one retries: {Reason}")]
        public static partial void CheckpointFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Flushing the storage file after a checkpoint failed; the writer's catch-up syncs it instead: {Reason}")]
        public static partial void FlushFailed(ILogger logger, string reason);
    }
}
