namespace OneBotBridge.Core.Replies;

/// <summary>
/// <c>qq.hold_unreplyable</c> in bridge.yaml: instead of failing a send that has nothing to reply to,
/// hold it until the next message arrives in that conversation, for a bounded time and count.
/// </summary>
public sealed class HoldUnreplyableOptions
{
    /// <summary><c>qq.hold_unreplyable.enabled</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>qq.hold_unreplyable.max_age</c>: a held send gives up after this long.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>qq.hold_unreplyable.max_count</c>: sends held per conversation; more fail at once.</summary>
    public int MaxCount { get; set; } = 20;

    /// <summary>Problems with the options, each naming its bridge.yaml key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxAge <= TimeSpan.Zero)
        {
            yield return "qq.hold_unreplyable.max_age: must be a positive duration";
        }

        if (MaxCount < 1)
        {
            yield return "qq.hold_unreplyable.max_count: must be at least 1";
        }
    }
}
