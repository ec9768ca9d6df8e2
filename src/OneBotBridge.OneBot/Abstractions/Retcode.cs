namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// OneBot v11 retcodes used by the bridge (go-cqhttp / NoneBot conventions: 0 ok, 1 async,
/// otherwise 1000 + the HTTP status that means the same thing).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>retcode</term><description>meaning</description></listheader>
/// <item><term>0</term><description>ok (also for <c>*_async</c> and <c>*_rate_limited</c> calls, which run to completion)</description></item>
/// <item><term>1</term><description>async — never sent by the bridge (Koishi reads it as an error)</description></item>
/// <item><term>1400</term><description>bad request: malformed frame, missing or invalid param, unparsable message</description></item>
/// <item><term>1401</term><description>access token missing</description></item>
/// <item><term>1403</term><description>access token wrong</description></item>
/// <item><term>1404</term><description>unknown action</description></item>
/// <item><term>1500</term><description>internal error: a handler failed unexpectedly (a bug)</description></item>
/// <item><term>1501</term><description>not supported: the QQ official bot platform cannot do this (e.g. kick, ban)</description></item>
/// <item><term>1502</term><description>upstream rejected the call: the QQ OpenAPI answered an error; the message carries its code and text</description></item>
/// <item><term>1503</term><description>upstream unavailable: not connected, no token, or the platform is down</description></item>
/// <item><term>1504</term><description>upstream timeout: the QQ OpenAPI did not answer in time</description></item>
/// </list>
/// Codes 1500–1599 are the server side's: the core reports upstream failures with 1501–1504.
/// </remarks>
public static class Retcode
{
    public const int Ok = 0;
    public const int Async = 1;
    public const int BadRequest = 1400;
    public const int Unauthorized = 1401;
    public const int Forbidden = 1403;
    public const int UnknownAction = 1404;
    public const int InternalError = 1500;
    public const int NotSupported = 1501;
    public const int UpstreamFailed = 1502;
    public const int UpstreamUnavailable = 1503;
    public const int UpstreamTimeout = 1504;
}
