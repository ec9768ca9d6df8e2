using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Outbound;

/// <summary>The failed responses of sends, in words a bot author can act on.</summary>
internal static class SendFailures
{
    public static ActionFailedException Refused(QQApiException e) =>
        new(Retcode.UpstreamFailed, $"QQ refused the message: {e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"HTTP {e.HttpStatus}"} {e.PlatformMessage}".TrimEnd(), e);

    public static ActionFailedException Unreachable(Exception e) =>
        new(Retcode.UpstreamUnavailable, $"the QQ OpenAPI could not be reached: {e.Message}", e);

    public static ActionFailedException NothingToReplyTo(string why) => new(Retcode.UpstreamFailed, why);

    public static ActionFailedException UnsupportedSegment(string type, string where) =>
        new(Retcode.NotSupported, $"the QQ official bot API cannot send a \"{type}\" segment {where}");

    public static ActionFailedException BadMedia(string problem) => new(Retcode.BadRequest, problem);
}
