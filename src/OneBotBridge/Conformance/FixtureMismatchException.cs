namespace OneBotBridge.Conformance;

/// <summary>A step saw something other than what its fixture expects; the message is the first difference.</summary>
internal sealed class FixtureMismatchException(string message) : Exception(message);
