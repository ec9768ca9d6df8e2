namespace OneBotBridge.Configuration;

/// <summary>Reads an environment variable; injectable so tests need not touch the process environment.</summary>
public delegate string? EnvironmentLookup(string name);
