using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>An in-test event hub: hands every published event to the sinks subscribed at that moment.</summary>
internal sealed class TestEventSource : IEventSource
{
    private readonly Lock _gate = new();
    private readonly List<IEventSink> _sinks = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _sinks.Count;
            }
        }
    }

    public IDisposable Subscribe(IEventSink sink)
    {
        lock (_gate)
        {
            _sinks.Add(sink);
        }

        return new Subscription(this, sink);
    }

    public void Publish(EncodedEvent encodedEvent)
    {
        IEventSink[] sinks;
        lock (_gate)
        {
            sinks = [.. _sinks];
        }

        foreach (var sink in sinks)
        {
            sink.Offer(encodedEvent);
        }
    }

    /// <summary>A private message event whose array and string encodings differ, numbered by <paramref name="seq"/>.</summary>
    public void PublishMessage(int seq, string text = "hi")
    {
        JObject Event(JToken message) => new()
        {
            ["time"] = 1700000000,
            ["self_id"] = FakeDispatcher.SelfId,
            ["post_type"] = "message",
            ["message_type"] = "private",
            ["sub_type"] = "friend",
            ["message_id"] = seq,
            ["user_id"] = 12345678,
            ["message"] = message,
            ["raw_message"] = text,
            ["font"] = 0,
            ["sender"] = new JObject { ["user_id"] = 12345678, ["nickname"] = "tester", ["sex"] = "unknown", ["age"] = 0 },
        };

        var array = Event(new JArray(new JObject { ["type"] = "text", ["data"] = new JObject { ["text"] = text } }));
        Publish(new EncodedEvent(OneBotJson.Serialize(array), OneBotJson.Serialize(Event(text))));
    }

    /// <summary>A notice of about <paramref name="bytes"/> bytes, for filling buffers.</summary>
    public void PublishLarge(int seq, int bytes) =>
        Publish(new EncodedEvent(Encoding.UTF8.GetBytes(new JObject
        {
            ["post_type"] = "notice",
            ["notice_type"] = "padding",
            ["seq"] = seq,
            ["padding"] = new string('x', bytes),
        }.ToString(Newtonsoft.Json.Formatting.None))));

    private sealed class Subscription(TestEventSource owner, IEventSink sink) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._sinks.Remove(sink);
            }
        }
    }
}
