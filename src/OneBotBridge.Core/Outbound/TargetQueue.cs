using System.Collections.Concurrent;
using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Outbound;

/// <summary>One async lock per conversation, so sends to one target reach the platform in the order they were asked.</summary>
internal sealed class TargetQueue
{
    private readonly ConcurrentDictionary<ChatTarget, SemaphoreSlim> _locks = new();

    /// <summary>Waits for the turn of <paramref name="target"/>; dispose the result to pass the turn on.</summary>
    public async Task<Turn> EnterAsync(ChatTarget target, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(target, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(gate);
    }

    public readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
