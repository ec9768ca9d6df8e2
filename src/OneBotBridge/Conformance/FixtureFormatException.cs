namespace OneBotBridge.Conformance;

/// <summary>A fixture file that cannot be read or does not follow the format in protocol-fixtures/README.md.</summary>
public sealed class FixtureFormatException(string message) : Exception(message);
