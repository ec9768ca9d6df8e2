using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Tests.Core;

/// <summary>A store that passes everything to <see cref="Inner"/>; tests override the calls they hold back or break.</summary>
internal abstract class DelegatingBridgeStore(IBridgeStore inner) : IBridgeStore
{
    /// <summary>What was really stored: a restart after a crash finds this.</summary>
    public IBridgeStore Inner { get; } = inner;

    public virtual Task<IReadOnlyList<IdMapping>> LoadIdMappingsAsync(CancellationToken cancellationToken) => Inner.LoadIdMappingsAsync(cancellationToken);

    public virtual Task SaveIdMappingAsync(IdMapping mapping, CancellationToken cancellationToken) => Inner.SaveIdMappingAsync(mapping, cancellationToken);

    public virtual Task SaveMessageAsync(MessageRecord message, CancellationToken cancellationToken) => Inner.SaveMessageAsync(message, cancellationToken);

    public virtual Task<MessageRecord?> FindMessageAsync(int messageId, CancellationToken cancellationToken) =>
        Inner.FindMessageAsync(messageId, cancellationToken);

    public virtual Task<MessageRecord?> FindMessageByPlatformIdAsync(string platformMessageId, CancellationToken cancellationToken) =>
        Inner.FindMessageByPlatformIdAsync(platformMessageId, cancellationToken);

    public virtual Task<int?> FindNewestMessageIdAsync(CancellationToken cancellationToken) => Inner.FindNewestMessageIdAsync(cancellationToken);

    public virtual Task<FreeMessageIds?> FindFreeMessageIdsAsync(int from, CancellationToken cancellationToken) =>
        Inner.FindFreeMessageIdsAsync(from, cancellationToken);

    public virtual Task<IReadOnlyList<ReplySourceRecord>> LoadReplySourcesAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Inner.LoadReplySourcesAsync(since, cancellationToken);

    public virtual Task SaveReplySourceAsync(ReplySourceRecord source, CancellationToken cancellationToken) =>
        Inner.SaveReplySourceAsync(source, cancellationToken);

    public virtual Task PruneMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken) => Inner.PruneMessagesAsync(before, cancellationToken);

    public virtual Task PruneReplySourcesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Inner.PruneReplySourcesAsync(before, cancellationToken);

    public virtual ValueTask DisposeAsync() => Inner.DisposeAsync();
}
