using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// The single writer of a SQLite database. Writes queue in a bounded channel; the writer takes
/// whatever has queued (up to the batch size), commits it in one transaction and only then completes
/// each write's task. Under load, batches grow by themselves (group commit); when idle, a lone write
/// commits at once.
/// </summary>
internal sealed partial class SqliteBatchWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteWriteStatements _statements;
    private readonly Channel<PendingWrite> _queue;
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly SqliteCheckpointer? _checkpointer;
    private readonly Task _loop;

    /// <param name="generations">Where the stored platform ids are; the writer notes each message it stores there.</param>
    /// <param name="checkpointer">Takes the WAL checkpoints off this writer, when the database is in WAL mode.</param>
    public SqliteBatchWriter(
        SqliteConnection connection,
        PlatformIdGenerations generations,
        int batchSize,
        int queueCapacity,
        SqliteCheckpointer? checkpointer,
        ILogger logger)
    {
        _connection = connection;
        _checkpointer = checkpointer;
        _statements = new SqliteWriteStatements(connection, generations);
        _batchSize = batchSize;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = StorageThread.Start("SQLite writer", Run);
    }

    /// <summary>Completes when <paramref name="write"/> is committed; fails if it or its batch failed.</summary>
    public async Task WriteAsync(Action<SqliteWriteStatements> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(SqliteBridgeStore), "the store is closed; the write was not made");
        }

        await pending.Committed.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _statements.Dispose();
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(_batchSize);
        while (StorageThread.WaitToRead(_queue.Reader))
        {
            while (batch.Count < _batchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            CatchUpCheckpoint();
            Commit(batch);
            batch.Clear();
        }
    }

    private void CatchUpCheckpoint()
    {
        if (_checkpointer?.TakeCatchUpTurn() != true)
        {
            return;
        }

        try
        {
            SqliteCheckpointer.CatchUp(_connection);
        }
        catch (SqliteException e)
        {
            // The log only grows until the next turn; nothing is lost (it is all in the log).
            Log.CatchUpFailed(_logger, e.Message);
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var applied = new List<PendingWrite>(batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction();
            _statements.Enlist(transaction);
            foreach (var pending in batch)
            {
                try
                {
                    pending.Write(_statements);
                    applied.Add(pending);
                }
                catch (Exception e)
                {
                    // A failed statement is rolled back on its own; the rest of the batch still commits.
                    Log.WriteFailed(_logger, e);
                    pending.Committed.TrySetException(e);
                }
            }

            transaction.Commit();
        }
        catch (Exception e)
        {
            // Whatever went wrong, every write of the batch must hear about it: a write left waiting would hang its caller.
            Log.BatchFailed(_logger, batch.Count, e);
            _statements.RolledBack();
            foreach (var pending in applied)
            {
                pending.Committed.TrySetException(e);
            }

            return;
        }

        _statements.Committed();
        _checkpointer?.Committed(applied.Count);
        foreach (var pending in applied)
        {
            pending.Committed.TrySetResult();
        }
    }

    private sealed record PendingWrite(Action<SqliteWriteStatements> Write, TaskCompletionSource Committed);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A storage write failed; the rest of its batch was kept")]
        public static partial void WriteFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A storage checkpoint failed; the next one retries: {Reason}")]
        public static partial void CatchUpFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "A storage batch of {Count} writes could not be committed; none of them is stored")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
