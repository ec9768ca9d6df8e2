namespace OneBotBridge.Security;

/// <summary>Keeps secrets out of output: says whether one is set, and masks any that slipped into a text.</summary>
public static class Redact
{
    public const string Mask = "***";

    public static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "not set" : "set";

    /// <summary>A URL without user info and query, which may carry credentials (<c>?access_token=</c>).</summary>
    public static string Url(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}"
            : Mask;

    /// <summary><paramref name="text"/> with every occurrence of every non-empty secret replaced by <see cref="Mask"/>.</summary>
    public static string Scrub(string text, IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        foreach (var secret in secrets.Where(secret => secret.Length > 0).Distinct().OrderByDescending(secret => secret.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
