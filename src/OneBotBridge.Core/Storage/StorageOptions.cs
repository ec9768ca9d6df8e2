namespace OneBotBridge.Core.Storage;

/// <summary>The <c>storage</c> section of bridge.yaml.</summary>
public sealed class StorageOptions
{
    public const string DefaultPath = "data/bridge.db";

    /// <summary><c>storage.path</c>: the SQLite file; its directory is created if missing.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// <c>storage.batch_size</c>: at most this many writes are committed in one transaction. Under load, a bigger commit
    /// writes each page it changes (of the table and of its indexes) once for more of its messages.
    /// </summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary><c>storage.queue_capacity</c>: writes waiting for the writer; when full, writers wait.</summary>
    public int QueueCapacity { get; set; } = 4096;

    /// <summary><c>storage.message_retention</c>: messages older than this are forgotten by pruning.</summary>
    public TimeSpan MessageRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary><c>storage.message_cache</c>: recent messages kept in memory (as summaries, without content) in front of the database.</summary>
    public int MessageCacheSize { get; set; } = 2_000;

    /// <summary>Problems with the options, each naming its bridge.yaml key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return "storage.path: must name a file";
        }

        if (BatchSize < 1)
        {
            yield return "storage.batch_size: must be at least 1";
        }

        if (QueueCapacity < 1)
        {
            yield return "storage.queue_capacity: must be at least 1";
        }

        if (MessageRetention <= TimeSpan.Zero)
        {
            yield return "storage.message_retention: must be a positive duration";
        }

        if (MessageCacheSize < 1)
        {
            yield return "storage.message_cache: must be at least 1";
        }
    }
}
