using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OneBotBridge.Core.Ids;

/// <summary>
/// Hashes a key into a number range the same way on every machine and in every process
/// (SHA-256, unlike <see cref="string.GetHashCode()"/>), so numbers survive a lost database.
/// </summary>
internal static class StableHash
{
    /// <summary>
    /// The number for <paramref name="key"/>; <paramref name="attempt"/> &gt; 0 gives the next
    /// candidates to probe when the first one is taken.
    /// </summary>
    public static long Into(NumberRange range, string key, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var text = attempt == 0 ? key : $"{key}#{attempt}";
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        var value = BinaryPrimitives.ReadUInt64BigEndian(digest);
        return range.Min + (long)(value % range.Size);
    }
}
