namespace OneBotBridge.OneBot.Abstractions;

/// <summary>Where transports get events from; the bridge core publishes into it.</summary>
public interface IEventSource
{
    /// <summary>
    /// Registers a sink that receives every event published from now on until the returned
    /// handle is disposed. <see cref="IEventSink.Offer"/> is called on the publisher's thread and
    /// must not block.
    /// </summary>
    IDisposable Subscribe(IEventSink sink);
}

public interface IEventSink
{
    void Offer(EncodedEvent encodedEvent);
}
