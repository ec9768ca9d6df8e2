namespace OneBotBridge.Simulator;

/// <summary>One HTTP request the simulator answered (token endpoint or OpenAPI), with its answer.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int ResponseStatus,
    string ResponseBody,
    DateTimeOffset At);
