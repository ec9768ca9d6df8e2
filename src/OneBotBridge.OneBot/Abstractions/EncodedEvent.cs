using System.Runtime.CompilerServices;

namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// An event serialized at most once per message format, when a connection using that format first asks;
/// every connection using a format is handed the same bytes. Events without a <c>message</c> field use one
/// encoding for both formats.
/// </summary>
public sealed class EncodedEvent
{
    private readonly Func<MessageFormat, ReadOnlyMemory<byte>>? _encode;
    private StrongBox<ReadOnlyMemory<byte>>? _arrayFormat;
    private StrongBox<ReadOnlyMemory<byte>>? _stringFormat;

    public EncodedEvent(ReadOnlyMemory<byte> arrayFormat, ReadOnlyMemory<byte> stringFormat)
    {
        _arrayFormat = new(arrayFormat);
        _stringFormat = new(stringFormat);
    }

    public EncodedEvent(ReadOnlyMemory<byte> anyFormat)
        : this(anyFormat, anyFormat)
    {
    }

    /// <param name="encode">Serializes the event in a format; called at most once per format, from any thread.</param>
    public EncodedEvent(Func<MessageFormat, ReadOnlyMemory<byte>> encode) => _encode = encode;

    public ReadOnlyMemory<byte> For(MessageFormat format) => format == MessageFormat.Array
        ? (Volatile.Read(ref _arrayFormat) ?? Encode(ref _arrayFormat, format)).Value
        : (Volatile.Read(ref _stringFormat) ?? Encode(ref _stringFormat, format)).Value;

    private StrongBox<ReadOnlyMemory<byte>> Encode(ref StrongBox<ReadOnlyMemory<byte>>? slot, MessageFormat format)
    {
        // Two threads racing here may both encode; the bytes are equal and the first stored wins.
        var encoded = new StrongBox<ReadOnlyMemory<byte>>(_encode!(format));
        return Interlocked.CompareExchange(ref slot, encoded, null) ?? encoded;
    }
}
