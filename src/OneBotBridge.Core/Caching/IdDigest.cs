using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace OneBotBridge.Core.Caching;

/// <summary>
/// A 128-bit digest of a platform id (SHA-256, truncated), for caches that only ask "seen before?" or "which
/// number?". A cache keyed by digests holds no strings: thousands of ids a second would otherwise each live
/// for seconds, and every collection would copy them and trace the tables pointing at them. Two different
/// ids sharing a digest is as unlikely as guessing a 128-bit key.
/// </summary>
internal static class IdDigest
{
    public static UInt128 Of(ReadOnlySpan<char> id)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(id), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
