namespace OneBotBridge.Configuration.Values;

/// <summary>Which absolute URLs a key accepts. Problem messages never echo the URL: it may carry a token.</summary>
internal sealed record UrlRule(IReadOnlyList<string> Schemes, string Example)
{
    public static UrlRule WebSocket { get; } = new(["ws", "wss"], "ws://127.0.0.1:8080/onebot/v11/ws");
    public static UrlRule Http { get; } = new(["http", "https"], "http://127.0.0.1:8080/onebot/v11/http");

    public bool TryCheck(string text, out string error)
    {
        error = "";
        var schemes = string.Join(" or ", Schemes.Select(scheme => $"{scheme}://"));
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.IsFile)
        {
            error = $"not an absolute {schemes} URL (like {Example})";
            return false;
        }

        if (!Schemes.Contains(uri.Scheme))
        {
            error = $"'{uri.Scheme}://' URLs are not allowed here; use {schemes}";
            return false;
        }

        return true;
    }
}
