using System.Security.Cryptography;
using System.Text;

namespace OneBotBridge.OneBot.Transports.HttpPost;

/// <summary>The <c>X-Signature</c> header: <c>sha1=&lt;hex HMAC-SHA1(secret, body)&gt;</c> over the exact bytes sent.</summary>
internal static class EventSignature
{
    public const string HeaderName = "X-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));
}
