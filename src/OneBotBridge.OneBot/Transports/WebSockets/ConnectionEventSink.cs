using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Transports.WebSockets;

/// <summary>Feeds published events, in the connection's message format, into one connection's outbox.</summary>
internal sealed class ConnectionEventSink(WebSocketConnection connection, MessageFormat format) : IEventSink
{
    public void Offer(EncodedEvent encodedEvent) => connection.OfferEvent(encodedEvent.For(format));
}
