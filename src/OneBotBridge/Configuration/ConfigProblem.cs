namespace OneBotBridge.Configuration;

/// <summary>
/// One thing wrong with a configuration: the key path it concerns (e.g.
/// <c>onebot.reverse_ws[0].reconnect_interval</c>, empty for the file as a whole), the 1-based
/// line in the file when known, and what is wrong. Messages never contain secret values.
/// </summary>
public sealed record ConfigProblem(string Key, int? Line, string Message)
{
    /// <summary>Compiler style: <c>bridge.yaml:12: onebot.heartbeat_interval: '5x' is not a duration</c>.</summary>
    public string Format(string source)
    {
        var location = Line is { } line ? $"{source}:{line}" : source;
        return Key.Length == 0 ? $"{location}: {Message}" : $"{location}: {Key}: {Message}";
    }
}
