namespace OneBotBridge.QQ;

/// <summary>
/// A condition no retry can fix (bad credentials, an intent the bot lacks, a banned bot…).
/// The message says what to change; <see cref="CloseCode"/> is the gateway close code when one caused it.
/// </summary>
public sealed class QQFatalException(string message, int? closeCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int? CloseCode { get; } = closeCode;
}
