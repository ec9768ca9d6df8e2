using System.Security.Cryptography;

namespace OneBotBridge.Simulator.Tokens;

/// <summary>
/// Issues access tokens the way the platform does: asking again returns the same token until the
/// last minute of its life; then a new one is issued and the old one stays valid one minute more.
/// </summary>
internal sealed class AccessTokenIssuer(TimeProvider time, TimeSpan ttl)
{
    private static readonly TimeSpan RenewalWindow = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _validUntil = new(StringComparer.Ordinal);
    private AccessToken? _current;

    public AccessToken GetOrIssue()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current is not null && now < _current.ExpiresAt - RenewalWindow)
            {
                return _current;
            }

            if (_current is not null && now < _current.ExpiresAt)
            {
                _validUntil[_current.Value] = Max(_current.ExpiresAt, now + RenewalWindow);
            }

            _current = new AccessToken(NewTokenValue(), now + ttl);
            _validUntil[_current.Value] = _current.ExpiresAt;
            ForgetExpired(now);
            return _current;
        }
    }

    public bool IsValid(string token)
    {
        lock (_gate)
        {
            return _validUntil.TryGetValue(token, out var until) && time.GetUtcNow() < until;
        }
    }

    /// <summary>Every token issued so far stops working; the next request gets a new one.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _validUntil.Clear();
            _current = null;
        }
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (value, until) in _validUntil.ToArray())
        {
            if (until <= now)
            {
                _validUntil.Remove(value);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string NewTokenValue() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
