using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Replies;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core;

public sealed class PendingSendsTests
{
    private static readonly ChatTarget Group = ChatTarget.Group(123456);
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _time = new();

    private PendingSends Create(bool enabled = true, int maxCount = 3) =>
        new(new HoldUnreplyableOptions { Enabled = enabled, MaxAge = TimeSpan.FromMinutes(2), MaxCount = maxCount }, _time);

    [Test]
    public void Nothing_is_held_when_holding_is_disabled()
    {
        Assert.That(Create(enabled: false).TryHold(Group, default, out _), Is.False);
    }

    [Test]
    public async Task A_message_in_the_conversation_releases_its_held_sends_and_no_others()
    {
        var pending = Create();
        Assert.That(pending.TryHold(Group, default, out var first), Is.True);
        Assert.That(pending.TryHold(Group, default, out var second), Is.True);
        Assert.That(pending.TryHold(ChatTarget.C2C(123456), default, out var elsewhere), Is.True);

        Assert.That(pending.Release(Group), Is.EqualTo(2));

        Assert.That(await first!.WaitAsync(Bounded), Is.EqualTo(HoldOutcome.Released));
        Assert.That(await second!.WaitAsync(Bounded), Is.EqualTo(HoldOutcome.Released));
        Assert.That(elsewhere!.IsCompleted, Is.False);
        Assert.That(pending.CountIn(ChatTarget.C2C(123456)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_held_send_expires_after_its_maximum_age()
    {
        var pending = Create();
        pending.TryHold(Group, default, out var outcome);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(outcome!.IsCompleted, Is.False);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(await outcome.WaitAsync(Bounded), Is.EqualTo(HoldOutcome.Expired));
        Assert.That(pending.CountIn(Group), Is.Zero);
        Assert.That(pending.Release(Group), Is.Zero);
    }

    [Test]
    public void A_conversation_holds_at_most_max_count_sends()
    {
        var pending = Create(maxCount: 2);

        Assert.That(pending.TryHold(Group, default, out _), Is.True);
        Assert.That(pending.TryHold(Group, default, out _), Is.True);
        Assert.That(pending.TryHold(Group, default, out _), Is.False);
        Assert.That(pending.TryHold(ChatTarget.Group(7), default, out _), Is.True);
    }

    [Test]
    public void A_cancelled_hold_is_forgotten()
    {
        var pending = Create();
        using var cancellation = new CancellationTokenSource();
        pending.TryHold(Group, cancellation.Token, out var outcome);

        cancellation.Cancel();

        Assert.That(outcome!.IsCanceled, Is.True);
        Assert.That(pending.CountIn(Group), Is.Zero);
    }
}
