using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OneBotBridge.OneBot.Transports;

internal enum TokenVerdict
{
    Accepted,

    /// <summary>HTTP 401.</summary>
    Missing,

    /// <summary>HTTP 403.</summary>
    Wrong,
}

/// <summary>
/// Checks the OneBot access token of an HTTP request (forward WebSocket upgrade or HTTP API):
/// <c>Authorization: Bearer|Token &lt;t&gt;</c> (scheme in any case) wins over <c>?access_token=</c>.
/// With no token configured every request is accepted.
/// </summary>
internal sealed class AccessTokenCheck
{
    private readonly byte[]? _expectedHash;

    public AccessTokenCheck(string expectedToken) =>
        _expectedHash = expectedToken.Length == 0 ? null : Hash(expectedToken);

    public TokenVerdict Verify(HttpRequest request)
    {
        if (_expectedHash is null)
        {
            return TokenVerdict.Accepted;
        }

        var presented = FromAuthorizationHeader(request) ?? (string?)request.Query["access_token"];
        if (presented is null)
        {
            return request.Headers.Authorization.Count > 0 ? TokenVerdict.Wrong : TokenVerdict.Missing;
        }

        // Hashing first makes the comparison constant-time in the length too.
        return CryptographicOperations.FixedTimeEquals(Hash(presented), _expectedHash)
            ? TokenVerdict.Accepted
            : TokenVerdict.Wrong;
    }

    /// <summary>Writes 401 or 403 for a rejected request; returns whether the request may go on.</summary>
    public bool Admit(HttpContext context)
    {
        var verdict = Verify(context.Request);
        context.Response.StatusCode = verdict switch
        {
            TokenVerdict.Missing => StatusCodes.Status401Unauthorized,
            TokenVerdict.Wrong => StatusCodes.Status403Forbidden,
            _ => context.Response.StatusCode,
        };
        return verdict == TokenVerdict.Accepted;
    }

    private static string? FromAuthorizationHeader(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        var space = header.IndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var scheme = header[..space];
        var isOurs = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("Token", StringComparison.OrdinalIgnoreCase);
        return isOurs ? header[(space + 1)..].Trim() : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
