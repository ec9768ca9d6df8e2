using System.Threading.Channels;

namespace OneBotBridge.OneBot.Transports.WebSockets;

/// <summary>A frame waiting in an <see cref="Outbox"/>.</summary>
internal readonly record struct OutboxFrame(ReadOnlyMemory<byte> Bytes, bool IsEvent);

/// <summary>
/// Frames waiting to be written to one WebSocket. Control frames (lifecycle, heartbeats, action
/// responses) go before events. Both queues are bounded and a writer never blocks: a full queue
/// refuses the frame and the caller applies its overflow policy. One reader (the send loop) peeks,
/// sends, then removes, so an event whose send failed is still first in line for the next connection.
/// </summary>
internal sealed class Outbox
{
    private const int ControlCapacity = 256;

    private readonly Channel<ReadOnlyMemory<byte>> _control = CreateQueue(ControlCapacity);
    private readonly Channel<ReadOnlyMemory<byte>> _events;

    // Capacity 1 and DropWrite: a pending signal means "look again"; more signals add nothing.
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public Outbox(int eventCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventCapacity, 1);
        _events = CreateQueue(eventCapacity);
    }

    public int EventCount => _events.Reader.Count;

    public bool TryEnqueueControl(ReadOnlyMemory<byte> frame) => Enqueue(_control, frame);

    public bool TryEnqueueEvent(ReadOnlyMemory<byte> frame) => Enqueue(_events, frame);

    public bool TryPeek(out OutboxFrame frame)
    {
        if (_control.Reader.TryPeek(out var control))
        {
            frame = new OutboxFrame(control, IsEvent: false);
            return true;
        }

        if (_events.Reader.TryPeek(out var eventFrame))
        {
            frame = new OutboxFrame(eventFrame, IsEvent: true);
            return true;
        }

        frame = default;
        return false;
    }

    /// <summary>Removes the frame last returned by <see cref="TryPeek"/>, once it was sent.</summary>
    public void Remove(OutboxFrame frame) => (frame.IsEvent ? _events : _control).Reader.TryRead(out _);

    /// <summary>Drops control frames meant for a connection that is gone (a persistent outbox keeps only events).</summary>
    public void DiscardControl()
    {
        while (_control.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>
    /// Completes when a frame may have arrived since the last call, or <see cref="Wake"/> was called. It takes no
    /// token (a caller that stops waiting wakes it instead): without one, the channel reuses its one waiter, and
    /// the wait allocates nothing per frame.
    /// </summary>
    public ValueTask<bool> WaitAsync() => _signal.Reader.ReadAsync(CancellationToken.None);

    public void Wake() => _signal.Writer.TryWrite(true);

    private bool Enqueue(Channel<ReadOnlyMemory<byte>> queue, ReadOnlyMemory<byte> frame)
    {
        if (!queue.Writer.TryWrite(frame))
        {
            return false;
        }

        Wake();
        return true;
    }

    private static Channel<ReadOnlyMemory<byte>> CreateQueue(int capacity) =>
        Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
}
