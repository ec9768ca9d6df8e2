using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>
/// The ledger's key for a msg_id or event_id: the first 128 bits of its SHA-256. Keyed so, the ledger holds no
/// string per id; two ids sharing a key is as unlikely as guessing a 128-bit secret.
/// </summary>
internal static class LedgerKey
{
    public static UInt128 Of(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(id.AsSpan()), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
