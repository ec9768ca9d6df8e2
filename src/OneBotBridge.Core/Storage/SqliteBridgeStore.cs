using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// The bridge's memory in one SQLite file (<c>storage.path</c>) in WAL mode. One connection writes,
/// in batches (<see cref="SqliteBatchWriter"/>); reads use their own pooled connections, which WAL lets
/// run beside the writer.
/// </summary>
public sealed partial class SqliteBridgeStore : IBridgeStore
{
    private readonly string _readConnectionString;
    private readonly SqliteBatchWriter _writer;
    private readonly SqliteMessageLookup _messageLookup;
    private readonly SqliteFileFlusher? _flusher;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private SqliteBridgeStore(
        string readConnectionString,
        SqliteBatchWriter writer,
        PlatformIdGenerations generations,
        SqliteFileFlusher? flusher,
        ILogger logger)
    {
        _readConnectionString = readConnectionString;
        _writer = writer;
        _flusher = flusher;
        _messageLookup = new SqliteMessageLookup(readConnectionString, generations);
        PlatformIds = generations;
        StoredIdsRead = generations.HasUnread
            ? StorageThread.Start("SQLite id reader", () => ReadStoredIds(generations, logger))
            : Task.CompletedTask;
    }

    /// <summary>Where the stored platform ids are.</summary>
    internal PlatformIdGenerations PlatformIds { get; }

    /// <summary>Completes once the ids stored at open are read into <see cref="PlatformIds"/> (or could not be).</summary>
    internal Task StoredIdsRead { get; }

    /// <summary>Opens (or creates) the database at <see cref="StorageOptions.Path"/>, creating its directory.</summary>
    public static async Task<SqliteBridgeStore> OpenAsync(
        StorageOptions options, ILogger<SqliteBridgeStore> logger, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.GetFullPath(options.Path);
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        SqliteFileFlusher? flusher;
        PlatformIdGenerations generations;
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var journalMode = Scalar(connection, "PRAGMA journal_mode=WAL;") as string;
            var wal = string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase);
            if (wal)
            {
                // Checkpoints run beside the writer (SqliteCheckpointer), not inside its commits.
                Scalar(connection, "PRAGMA wal_autocheckpoint=0;");
            }
            else
            {
                Log.NoWal(logger, path, journalMode ?? "unknown");
            }

            // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
            Scalar(connection, "PRAGMA synchronous=NORMAL;");
            SqliteSchema.Apply(connection, options.Path, logger);
            generations = PlatformIdGenerations.Opening(connection);
            flusher = wal ? new SqliteFileFlusher(path) : null;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Log.Opened(logger, path);
        var checkpointer = flusher is null ? null : new SqliteCheckpointer(connectionString, flusher, logger);
        var writer = new SqliteBatchWriter(connection, generations, options.BatchSize, options.QueueCapacity, checkpointer, logger);
        return new SqliteBridgeStore(connectionString, writer, generations, flusher, logger);
    }

    public Task<IReadOnlyList<IdMapping>> LoadIdMappingsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<IdMapping>>(
            "SELECT kind, value, number FROM id_map ORDER BY rowid;",
            static _ => { },
            static reader =>
            {
                var mappings = new List<IdMapping>();
                while (reader.Read())
                {
                    var tag = reader.GetString(0);
                    if (!IdKindExtensions.TryParseTag(tag, out var kind))
                    {
                        throw new InvalidDataException($"unknown id kind '{tag}' in storage");
                    }

                    mappings.Add(new IdMapping(new PlatformId(kind, reader.GetString(1)), reader.GetInt64(2)));
                }

                return mappings;
            },
            cancellationToken);

    public Task SaveIdMappingAsync(IdMapping mapping, CancellationToken cancellationToken) =>
        _writer.WriteAsync(statements => statements.SaveIdMapping(mapping), cancellationToken);

    public Task SaveMessageAsync(MessageRecord message, CancellationToken cancellationToken) =>
        _writer.WriteAsync(statements => statements.SaveMessage(message), cancellationToken);

    public Task<MessageRecord?> FindMessageAsync(int messageId, CancellationToken cancellationToken) =>
        ReadAsync(
            $"{SelectMessage} WHERE message_id = $key;",
            command => command.Parameters.AddWithValue("$key", messageId),
            ReadMessage,
            cancellationToken);

    public Task<MessageRecord?> FindMessageByPlatformIdAsync(string platformMessageId, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<MessageRecord?>(cancellationToken);
        }

        try
        {
            return Task.FromResult(_messageLookup.Find(platformMessageId));
        }
        catch (SqliteException e)
        {
            return Task.FromException<MessageRecord?>(e);
        }
    }

    public Task<int?> FindNewestMessageIdAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT message_id FROM messages ORDER BY seq DESC LIMIT 1;",
            static _ => { },
            static reader => reader.Read() ? reader.GetInt32(0) : (int?)null,
            cancellationToken);

    public Task<FreeMessageIds?> FindFreeMessageIdsAsync(int from, CancellationToken cancellationToken) =>
        ReadAsync(
            """
            WITH first_free (id) AS (
                SELECT CASE
                    WHEN NOT EXISTS (SELECT 1 FROM messages WHERE message_id = $from) THEN $from
                    ELSE (SELECT held.message_id + 1 FROM messages held
                          WHERE held.message_id >= $from
                            AND NOT EXISTS (SELECT 1 FROM messages next WHERE next.message_id = held.message_id + 1)
                          ORDER BY held.message_id LIMIT 1)
                END)
            SELECT id, (SELECT min(message_id) FROM messages WHERE message_id > id) FROM first_free;
            """,
            command => command.Parameters.AddWithValue("$from", from),
            static reader =>
            {
                reader.Read();
                var first = reader.GetInt64(0);
                var nextHeld = reader.IsDBNull(1) ? int.MaxValue + 1L : reader.GetInt64(1);
                return first > int.MaxValue ? (FreeMessageIds?)null : new FreeMessageIds((int)first, (int)(nextHeld - 1));
            },
            cancellationToken);

    public Task<IReadOnlyList<ReplySourceRecord>> LoadReplySourcesAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ReplySourceRecord>>(
            """
            SELECT kind, source_id, scene, target, sender, received_at_ms, seq_high_water, uses
            FROM reply_sources WHERE received_at_ms >= $since
            UNION ALL
            SELECT 'message', platform_id, scene, target, sender, time_ms, 0, 0
            FROM messages
            WHERE direction = 'received' AND time_ms >= $since
              AND NOT EXISTS (SELECT 1 FROM reply_sources WHERE kind = 'message' AND source_id = messages.platform_id)
            ORDER BY 6;
            """,
            command => command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds()),
            static reader =>
            {
                var sources = new List<ReplySourceRecord>();
                while (reader.Read())
                {
                    sources.Add(new ReplySourceRecord(
                        StorageTags.ParseReplySourceKind(reader.GetString(0)),
                        reader.GetString(1),
                        new ChatTarget(StorageTags.ParseScene(reader.GetString(2)), reader.GetInt64(3)),
                        reader.IsDBNull(4) ? null : reader.GetInt64(4),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                        reader.GetInt32(6),
                        reader.GetInt32(7)));
                }

                return sources;
            },
            cancellationToken);

    public Task SaveReplySourceAsync(ReplySourceRecord source, CancellationToken cancellationToken) =>
        _writer.WriteAsync(statements => statements.SaveReplySource(source), cancellationToken);

    public Task PruneMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _writer.WriteAsync(statements => statements.PruneMessages(before), cancellationToken);

    public Task PruneReplySourcesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _writer.WriteAsync(statements => statements.PruneReplySources(before), cancellationToken);

    /// <summary>Commits what is queued, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await StoredIdsRead.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        await _writer.DisposeAsync().ConfigureAwait(false);
        _messageLookup.Dispose();
        using (var connection = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        // Last: closing it earlier would drop the locks of connections still open (see SqliteFileFlusher).
        _flusher?.Dispose();
    }

    internal const string SelectMessage =
        "SELECT message_id, platform_id, scene, target, sender, direction, time_ms, content FROM messages";

    /// <summary>The message in the current row of <see cref="SelectMessage"/>.</summary>
    internal static MessageRecord MessageIn<TRow>(TRow row)
        where TRow : ISqliteRow => new(
            (int)row.Int64(0),
            row.Text(1),
            new ChatTarget(StorageTags.ParseScene(row.Text(2)), row.Int64(3)),
            row.Int64(4),
            StorageTags.ParseDirection(row.Text(5)),
            DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(6)),
            row.Text(7));

    private static MessageRecord? ReadMessage(SqliteDataReader reader) => reader.Read() ? MessageIn(new DataReaderRow(reader)) : null;

    private async Task<T> ReadAsync<T>(
        string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return read(reader);
    }

    /// <summary>
    /// Reads the stored platform ids into the filters beside the writer, so that a large file opens at once; until
    /// then lookups seek in every stored generation. A failure leaves them doing so (slower, not wrong).
    /// </summary>
    private void ReadStoredIds(PlatformIdGenerations generations, ILogger logger)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var connection = new SqliteConnection(_readConnectionString);
            connection.Open();
            var count = generations.Load(connection, _stopping.Token);
            Log.StoredIdsRead(logger, count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Closing before the read finished: nothing to keep.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StoredIdsUnread(logger, e.Message);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Storage opened at {Path}")]
        public static partial void Opened(ILogger logger, string path);

        [LoggerMessage(Level = LogLevel.Information, Message = "Storage read the ids of {Count} stored messages in {Seconds:0.00} s")]
        public static partial void StoredIdsRead(ILogger logger, long count, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage could not read the stored message ids, so each lookup of a platform message id searches every stored generation (slower, not less correct): {Reason}")]
        public static partial void StoredIdsUnread(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage at {Path} could not switch to WAL (journal mode is {JournalMode}); writes will be slower")]
        public static partial void NoWal(ILogger logger, string path, string journalMode);
    }
}
