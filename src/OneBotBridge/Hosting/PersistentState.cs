using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Hosting;

/// <summary>
/// What the bridge remembers across restarts: the SQLite store (<c>storage.path</c>) and what is read from
/// it, the id map, message store and reply book. Loaded once, before any part of the host starts
/// (<see cref="BridgeHostExtensions.PrepareAsync"/>); flushed and closed once, after every other part stopped.
/// </summary>
internal sealed partial class PersistentState(
    StorageOptions storage,
    IdOptions ids,
    ReplyOptions replies,
    TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<PersistentState>();
    private Contents? _contents;
    private int _disposed;

    public IBridgeStore Store => Loaded.Store;

    public IdMap Ids => Loaded.Ids;

    public MessageStore Messages => Loaded.Messages;

    public ReplyContextBook Replies => Loaded.Replies;

    private Contents Loaded => _contents ?? throw new InvalidOperationException(
        "The persistent state was used before it was loaded: call IHost.PrepareAsync between Build and Start.");

    /// <exception cref="IOException">The database cannot be opened; the message names <c>storage.path</c> and the file.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_contents is not null)
        {
            throw new InvalidOperationException("The persistent state is already loaded.");
        }

        var path = Path.GetFullPath(storage.Path);
        SqliteBridgeStore store;
        try
        {
            store = await SqliteBridgeStore.OpenAsync(storage, loggers.CreateLogger<SqliteBridgeStore>(), cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new IOException($"storage.path: cannot open the database {path}: {exception.Message}", exception);
        }

        try
        {
            var idMap = await IdMap.LoadAsync(store, ids, loggers.CreateLogger<IdMap>(), cancellationToken);
            var book = await ReplyContextBook.LoadAsync(store, replies, time, cancellationToken);
            _contents = new Contents(store, idMap, new MessageStore(store, storage, time), book);
            Log.Loaded(_logger, path, idMap.Count);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits every queued write and closes the database; later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _contents is not { } contents)
        {
            return;
        }

        await contents.Store.DisposeAsync();
        Log.Closed(_logger);
    }

    private sealed record Contents(IBridgeStore Store, IdMap Ids, MessageStore Messages, ReplyContextBook Replies);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "State loaded from {Path}: {Ids} ids known")]
        public static partial void Loaded(ILogger logger, string path, int ids);

        [LoggerMessage(Level = LogLevel.Information, Message = "State flushed and closed")]
        public static partial void Closed(ILogger logger);
    }
}
