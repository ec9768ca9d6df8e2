using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Replies;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Tests.Core.Outbound;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class HoldUnreplyableTests
{
    private OutboundHarness _harness = null!;

    [SetUp]
    public async Task StartAsync() =>
        _harness = await OutboundHarness.StartAsync(new HoldUnreplyableOptions { Enabled = true, MaxAge = TimeSpan.FromMinutes(2) });

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task A_held_send_goes_out_as_a_reply_to_the_next_message()
    {
        var old = await _harness.ReceiveGroupMessageAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(6));

        var send = _harness.Sender.SendAsync(old.Target, Message.FromText("later"), null, CancellationToken.None);
        await WaitUntilAsync(() => _harness.Pending.CountIn(old.Target) == 1);
        Assert.That(send.IsCompleted, Is.False);

        var next = await _harness.ReceiveGroupMessageAsync();
        _harness.Pending.Release(old.Target);
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        var body = JObject.Parse(_harness.Sends("/messages").Single().Body);
        Assert.That((string?)body["msg_id"], Is.EqualTo(next.PlatformId));
    }

    [Test]
    public async Task A_held_send_fails_when_nothing_arrives_in_time()
    {
        var old = await _harness.ReceiveGroupMessageAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(6));

        var send = _harness.Sender.SendAsync(old.Target, Message.FromText("later"), null, CancellationToken.None);
        await WaitUntilAsync(() => _harness.Pending.CountIn(old.Target) == 1);
        _harness.Clock.Advance(TimeSpan.FromMinutes(2));

        var failure = Assert.ThrowsAsync<ActionFailedException>(async () => await send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(failure!.Message, Does.Contain("no message to reply to").And.Contain("while the send was held"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "condition not reached in 10 s");
            await Task.Delay(10);
        }
    }
}
