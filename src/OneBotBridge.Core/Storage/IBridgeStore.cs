using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// What the bridge remembers across restarts: id mappings, messages and reply-source state.
/// A write's task completes when the write is durable ("acknowledged"); writes are applied in the
/// order they were made. Implementations: <see cref="SqliteBridgeStore"/>, <see cref="InMemoryBridgeStore"/>;
/// a shared server database can implement it later.
/// </summary>
public interface IBridgeStore : IAsyncDisposable
{
    /// <summary>All id mappings, in the order they were first saved.</summary>
    Task<IReadOnlyList<IdMapping>> LoadIdMappingsAsync(CancellationToken cancellationToken);

    /// <summary>Saves a mapping; an id that is already mapped keeps its first number.</summary>
    Task SaveIdMappingAsync(IdMapping mapping, CancellationToken cancellationToken);

    /// <summary>Saves a message; a platform message id that is already stored keeps its first record.</summary>
    Task SaveMessageAsync(MessageRecord message, CancellationToken cancellationToken);

    Task<MessageRecord?> FindMessageAsync(int messageId, CancellationToken cancellationToken);

    Task<MessageRecord?> FindMessageByPlatformIdAsync(string platformMessageId, CancellationToken cancellationToken);

    /// <summary>The number of the message stored last (in arrival order), or null when none is stored.</summary>
    Task<int?> FindNewestMessageIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The first run of numbers at or above <paramref name="from"/> that no stored message holds, up to the next number
    /// one does (or <see cref="int.MaxValue"/>); null when every number from there up is held.
    /// </summary>
    Task<FreeMessageIds?> FindFreeMessageIdsAsync(int from, CancellationToken cancellationToken);

    /// <summary>
    /// Reply sources received at or after <paramref name="since"/>: the saved ones, and every received message
    /// not saved as one (no reply to it yet), as a message source with seq and uses at 0.
    /// </summary>
    Task<IReadOnlyList<ReplySourceRecord>> LoadReplySourcesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a reply source; if it is already stored, its seq high-water mark and use count become the
    /// larger of the stored and the given values, so they never go back.
    /// </summary>
    Task SaveReplySourceAsync(ReplySourceRecord source, CancellationToken cancellationToken);

    /// <summary>Forgets messages older than <paramref name="before"/>.</summary>
    Task PruneMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Forgets reply sources received before <paramref name="before"/>.</summary>
    Task PruneReplySourcesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
