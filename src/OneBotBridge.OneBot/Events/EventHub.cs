using Microsoft.Extensions.Logging;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// Fans every published event out to the subscribed sinks, on the publisher's thread. Subscribing
/// and unsubscribing are safe at any time, also during a publish (which then uses the sinks it started with).
/// </summary>
public sealed partial class EventHub(ILogger<EventHub> logger) : IEventSource
{
    private readonly Lock _gate = new();

    // Copy-on-write: publishers read a snapshot without locking; writers replace it under the gate.
    private IEventSink[] _sinks = [];

    public int SubscriberCount => Volatile.Read(ref _sinks).Length;

    public IDisposable Subscribe(IEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            Volatile.Write(ref _sinks, [.. _sinks, sink]);
        }

        return new Subscription(this, sink);
    }

    /// <summary>Encodes <paramref name="oneBotEvent"/> once per format and publishes it.</summary>
    public void Publish(OneBotEvent oneBotEvent) => Publish(EventEncoder.Encode(oneBotEvent));

    public void Publish(EncodedEvent encodedEvent)
    {
        foreach (var sink in Volatile.Read(ref _sinks))
        {
            try
            {
                sink.Offer(encodedEvent);
            }
            catch (Exception e)
            {
                // One broken connection must not keep the event from the others.
                Log.SinkFailed(logger, sink.GetType().Name, e);
            }
        }
    }

    private void Unsubscribe(IEventSink sink)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_sinks, sink);
            if (index >= 0)
            {
                Volatile.Write(ref _sinks, [.. _sinks.AsSpan(0, index), .. _sinks.AsSpan(index + 1)]);
            }
        }
    }

    private sealed class Subscription(EventHub hub, IEventSink sink) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Unsubscribe(sink);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "An event sink ({Sink}) failed to take an event")]
        public static partial void SinkFailed(ILogger logger, string sink, Exception exception);
    }
}
