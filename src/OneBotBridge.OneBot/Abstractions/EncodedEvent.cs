namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// An event serialized once per message format; every connection using a format is handed the
/// same bytes. Events without a <c>message</c> field use one encoding for both formats.
/// </summary>
public sealed class EncodedEvent(ReadOnlyMemory<byte> arrayFormat, ReadOnlyMemory<byte> stringFormat)
{
    public EncodedEvent(ReadOnlyMemory<byte> anyFormat) : this(anyFormat, anyFormat)
    {
    }

    public ReadOnlyMemory<byte> For(MessageFormat format) =>
        format == MessageFormat.Array ? arrayFormat : stringFormat;
}
