namespace OneBotBridge.OneBot.Abstractions;

/// <summary>OneBot v11 retcodes used by the bridge (go-cqhttp / NoneBot conventions).</summary>
public static class Retcode
{
    public const int Ok = 0;
    public const int Async = 1;
    public const int BadRequest = 1400;
    public const int Unauthorized = 1401;
    public const int Forbidden = 1403;
    public const int UnknownAction = 1404;
    public const int InternalError = 1500;
}
