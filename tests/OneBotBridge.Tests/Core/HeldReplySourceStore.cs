using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Tests.Core;

/// <summary>
/// In-memory storage that keeps reply-source saves to itself until the test acknowledges them: until then they are not
/// in <see cref="DelegatingBridgeStore.Inner"/>, which is what a restart after a crash would find.
/// </summary>
internal sealed class HeldReplySourceStore() : DelegatingBridgeStore(new InMemoryBridgeStore())
{
    private readonly Lock _gate = new();
    private readonly List<(ReplySourceRecord Source, TaskCompletionSource Stored)> _held = [];
    private readonly List<ReplySourceRecord> _saved = [];

    /// <summary>Every reply-source save made, acknowledged or not, in order.</summary>
    public IReadOnlyList<ReplySourceRecord> Saved
    {
        get
        {
            lock (_gate)
            {
                return [.. _saved];
            }
        }
    }

    public override Task SaveReplySourceAsync(ReplySourceRecord source, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _held.Add((source, stored));
            _saved.Add(source);
        }

        return stored.Task;
    }

    /// <summary>Stores every held save, in order, and completes each.</summary>
    public async Task AcknowledgeAsync()
    {
        foreach (var (source, stored) in TakeHeld())
        {
            await Inner.SaveReplySourceAsync(source, CancellationToken.None);
            stored.SetResult();
        }
    }

    /// <summary>Fails every held save, as a full disk would.</summary>
    public void Fail()
    {
        foreach (var (_, stored) in TakeHeld())
        {
            stored.SetException(new IOException("disk full"));
        }
    }

    private List<(ReplySourceRecord Source, TaskCompletionSource Stored)> TakeHeld()
    {
        lock (_gate)
        {
            List<(ReplySourceRecord Source, TaskCompletionSource Stored)> held = [.. _held];
            _held.Clear();
            return held;
        }
    }
}
