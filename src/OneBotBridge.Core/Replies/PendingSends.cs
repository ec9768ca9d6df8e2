using System.Diagnostics.CodeAnalysis;
using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// Sends waiting for something to reply to (<c>qq.hold_unreplyable</c>): each waits, per conversation and in
/// order, until <see cref="Release"/> says a message arrived there, or until it has waited
/// <see cref="HoldUnreplyableOptions.MaxAge"/>.
/// </summary>
public sealed class PendingSends
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ChatTarget, List<Hold>> _holds = [];
    private readonly HoldUnreplyableOptions _options;
    private readonly TimeProvider _time;

    public PendingSends(HoldUnreplyableOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>How many sends are held in <paramref name="target"/>.</summary>
    public int CountIn(ChatTarget target)
    {
        lock (_gate)
        {
            return _holds.TryGetValue(target, out var holds) ? holds.Count : 0;
        }
    }

    /// <summary>
    /// Holds a send to <paramref name="target"/>: <paramref name="outcome"/> completes when it may try again or
    /// has waited too long, and is cancelled with <paramref name="cancellationToken"/>. False when holding is
    /// disabled or the conversation already holds <see cref="HoldUnreplyableOptions.MaxCount"/> sends.
    /// </summary>
    public bool TryHold(ChatTarget target, CancellationToken cancellationToken, [NotNullWhen(true)] out Task<HoldOutcome>? outcome)
    {
        outcome = null;
        if (!_options.Enabled)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_holds.TryGetValue(target, out var holds))
            {
                _holds[target] = holds = [];
            }

            if (holds.Count >= _options.MaxCount)
            {
                return false;
            }

            var hold = new Hold(target);
            holds.Add(hold);
            hold.Expiry = _time.CreateTimer(_ => End(hold, HoldOutcome.Expired), null, _options.MaxAge, Timeout.InfiniteTimeSpan);
            hold.Cancellation = cancellationToken.Register(() => Cancel(hold, cancellationToken));
            outcome = hold.Outcome.Task;
            return true;
        }
    }

    /// <summary>A message arrived in <paramref name="target"/>: lets every send held there try again, oldest first.</summary>
    public int Release(ChatTarget target)
    {
        List<Hold>? released;
        lock (_gate)
        {
            if (!_holds.Remove(target, out released))
            {
                return 0;
            }
        }

        foreach (var hold in released)
        {
            hold.Finish(HoldOutcome.Released);
        }

        return released.Count;
    }

    private void End(Hold hold, HoldOutcome outcome)
    {
        if (Forget(hold))
        {
            hold.Finish(outcome);
        }
    }

    private void Cancel(Hold hold, CancellationToken cancellationToken)
    {
        if (Forget(hold))
        {
            hold.Dispose();
            hold.Outcome.TrySetCanceled(cancellationToken);
        }
    }

    private bool Forget(Hold hold)
    {
        lock (_gate)
        {
            if (!_holds.TryGetValue(hold.Target, out var holds) || !holds.Remove(hold))
            {
                return false;
            }

            if (holds.Count == 0)
            {
                _holds.Remove(hold.Target);
            }

            return true;
        }
    }

    private sealed class Hold(ChatTarget target) : IDisposable
    {
        public ChatTarget Target { get; } = target;

        public TaskCompletionSource<HoldOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ITimer? Expiry { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }

        public void Finish(HoldOutcome outcome)
        {
            Dispose();
            Outcome.TrySetResult(outcome);
        }

        public void Dispose()
        {
            Expiry?.Dispose();
            Cancellation.Dispose();
        }
    }
}
