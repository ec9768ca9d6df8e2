using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Actions;

/// <summary>
/// Thrown by a handler to answer a failed response: <see cref="Retcode"/> is one of
/// <see cref="Abstractions.Retcode"/> (1400 bad params; 1501–1504 for what the QQ platform cannot
/// do or did not do) and the message says why, in words a bot author can act on.
/// </summary>
public sealed class ActionFailedException : Exception
{
    public ActionFailedException(int retcode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retcode, Abstractions.Retcode.Async);
        Retcode = retcode;
    }

    public int Retcode { get; }

    /// <summary>A 1400 failure naming the param and what is wrong with it.</summary>
    public static ActionFailedException BadParam(string name, string problem) =>
        new(Abstractions.Retcode.BadRequest, $"param \"{name}\" {problem}");
}
