using System.Net.WebSockets;

namespace OneBotBridge.Bench.Load;

/// <summary>Reads whole WebSocket messages into one reusable buffer that grows to the largest message seen.</summary>
internal sealed class MessageReader(WebSocket socket)
{
    private byte[] _buffer = new byte[16 * 1024];

    /// <summary>The next whole message, valid until the next call; null once the peer closed.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            if (filled == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var result = await socket.ReceiveAsync(_buffer.AsMemory(filled), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            filled += result.Count;
            if (result.EndOfMessage)
            {
                return _buffer.AsMemory(0, filled);
            }
        }
    }
}
