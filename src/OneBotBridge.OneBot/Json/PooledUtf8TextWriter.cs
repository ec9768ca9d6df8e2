using System.Buffers;
using System.Text;

namespace OneBotBridge.OneBot.Json;

/// <summary>
/// A <see cref="TextWriter"/> that encodes straight to UTF-8 in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>; <see cref="ToArray"/> copies out the exact bytes and
/// <see cref="IDisposable.Dispose"/> returns the buffer.
/// </summary>
internal sealed class PooledUtf8TextWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _buffer;
    private int _length;

    // The encoder holds a high surrogate until its low half arrives; bytes written around it must wait too.
    private bool _highSurrogatePending;

    public PooledUtf8TextWriter(int initialCapacity = 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public override Encoding Encoding => Utf8;

    public override void Write(char value)
    {
        if (value < 0x80 && !_highSurrogatePending)
        {
            EnsureCapacity(1);
            _buffer[_length++] = (byte)value;
            return;
        }

        Write(new ReadOnlySpan<char>(in value));
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        EnsureCapacity(Utf8.GetMaxByteCount(buffer.Length));
        _encoder.Convert(buffer, _buffer.AsSpan(_length), flush: false, out _, out var bytesUsed, out _);
        _length += bytesUsed;
        _highSurrogatePending = char.IsHighSurrogate(buffer[^1]);
    }

    public byte[] ToArray()
    {
        EnsureCapacity(Utf8.GetMaxByteCount(0));
        _encoder.Convert(ReadOnlySpan<char>.Empty, _buffer.AsSpan(_length), flush: true, out _, out var bytesUsed, out _);
        _length += bytesUsed;
        _highSurrogatePending = false;
        return _buffer.AsSpan(0, _length).ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        base.Dispose(disposing);
    }

    private void EnsureCapacity(int additional)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_length + additional <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
