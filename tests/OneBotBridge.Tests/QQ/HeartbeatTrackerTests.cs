using OneBotBridge.QQ.Gateway;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ;

public sealed class HeartbeatTrackerTests
{
    [Test]
    public void Tracks_the_pending_heartbeat_and_its_round_trip()
    {
        var time = new ManualTimeProvider();
        var tracker = new HeartbeatTracker(time);
        Assert.That(tracker.IsAwaitingAck, Is.False);

        tracker.Sent();
        Assert.That(tracker.IsAwaitingAck, Is.True);
        time.Advance(TimeSpan.FromMilliseconds(35));

        Assert.That(tracker.Acked(), Is.EqualTo(TimeSpan.FromMilliseconds(35)));
        Assert.That(tracker.IsAwaitingAck, Is.False);
        Assert.That(tracker.Acked(), Is.Null, "an ACK nobody asked for has no round trip");
    }
}
