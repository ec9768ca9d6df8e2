namespace OneBotBridge.Simulator.Tokens;

/// <summary>An issued access token and the moment it stops being renewed-as-is.</summary>
internal sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);
