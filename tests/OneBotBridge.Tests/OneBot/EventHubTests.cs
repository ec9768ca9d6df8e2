using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Events;

namespace OneBotBridge.Tests.OneBot;

public sealed class EventHubTests
{
    private readonly EventHub _hub = new(NullLogger<EventHub>.Instance);

    [Test]
    public void Every_subscriber_gets_the_same_encoded_event()
    {
        var first = new RecordingSink();
        var second = new RecordingSink();
        using var a = _hub.Subscribe(first);
        using var b = _hub.Subscribe(second);
        var encoded = new EncodedEvent("{}"u8.ToArray());

        _hub.Publish(encoded);

        Assert.That(first.Received.Single(), Is.SameAs(encoded));
        Assert.That(second.Received.Single(), Is.SameAs(encoded));
    }

    [Test]
    public void Publishing_an_event_encodes_it()
    {
        var sink = new RecordingSink();
        using var subscription = _hub.Subscribe(sink);

        _hub.Publish(new LifecycleEvent { Time = 1, SelfId = 2, SubType = LifecycleEvent.Enable });

        Assert.That(sink.Received.Single().For(MessageFormat.Array).ToArray(), Is.EqualTo(
            """{"time":1,"self_id":2,"post_type":"meta_event","meta_event_type":"lifecycle","sub_type":"enable"}"""u8.ToArray()));
    }

    [Test]
    public void Disposing_the_subscription_stops_delivery_and_may_repeat()
    {
        var sink = new RecordingSink();
        var subscription = _hub.Subscribe(sink);

        subscription.Dispose();
        subscription.Dispose();
        _hub.Publish(new EncodedEvent("{}"u8.ToArray()));

        Assert.That(sink.Received, Is.Empty);
        Assert.That(_hub.SubscriberCount, Is.Zero);
    }

    [Test]
    public void Sinks_may_subscribe_and_unsubscribe_while_an_event_is_delivered()
    {
        var late = new RecordingSink();
        IDisposable? own = null;
        var churner = new CallbackSink(_ =>
        {
            own!.Dispose();
            _hub.Subscribe(late);
        });
        own = _hub.Subscribe(churner);
        var first = new EncodedEvent("1"u8.ToArray());
        var second = new EncodedEvent("2"u8.ToArray());

        _hub.Publish(first);
        _hub.Publish(second);

        Assert.That(churner.Calls, Is.EqualTo(1));
        Assert.That(late.Received, Is.EqualTo(new[] { second }));
    }

    [Test]
    public void A_failing_sink_does_not_keep_the_event_from_the_others()
    {
        var sink = new RecordingSink();
        using var failing = _hub.Subscribe(new CallbackSink(_ => throw new InvalidOperationException("broken")));
        using var working = _hub.Subscribe(sink);

        _hub.Publish(new EncodedEvent("{}"u8.ToArray()));

        Assert.That(sink.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_subscribers_and_publishers_lose_nothing_for_steady_sinks()
    {
        var steady = new RecordingSink();
        using var subscription = _hub.Subscribe(steady);
        const int Events = 2000;

        var publisher = Task.Run(() =>
        {
            for (var i = 0; i < Events; i++)
            {
                _hub.Publish(new EncodedEvent("{}"u8.ToArray()));
            }
        });
        var churn = Task.Run(() =>
        {
            for (var i = 0; i < Events; i++)
            {
                _hub.Subscribe(new RecordingSink()).Dispose();
            }
        });
        await Task.WhenAll(publisher, churn).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(steady.Received, Has.Count.EqualTo(Events));
        Assert.That(_hub.SubscriberCount, Is.EqualTo(1));
    }

    private sealed class RecordingSink : IEventSink
    {
        private readonly ConcurrentQueue<EncodedEvent> _received = new();

        public IReadOnlyCollection<EncodedEvent> Received => _received;

        public void Offer(EncodedEvent encodedEvent) => _received.Enqueue(encodedEvent);
    }

    private sealed class CallbackSink(Action<EncodedEvent> onOffer) : IEventSink
    {
        public int Calls { get; private set; }

        public void Offer(EncodedEvent encodedEvent)
        {
            Calls++;
            onOffer(encodedEvent);
        }
    }
}
