namespace OneBotBridge.Simulator.OpenApi;

/// <summary>A refusal the way the platform words it: an HTTP status plus a business code.</summary>
internal sealed record ApiError(int HttpStatus, long Code, string Message);
