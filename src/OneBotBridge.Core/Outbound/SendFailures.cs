using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Outbound;

/// <summary>The failed responses of sends, in words a bot author can act on.</summary>
internal static class SendFailures
{
    public static ActionFailedException Refused(QQApiException e) =>
        new(Retcode.UpstreamFailed, $"QQ refused the message: {CodeOf(e)} {e.PlatformMessage}".TrimEnd(), e);

    public static ActionFailedException UploadRefused(string type, QQApiException e) =>
        new(Retcode.UpstreamFailed, $"QQ refused the {type} upload: {CodeOf(e)} {e.PlatformMessage}".TrimEnd(), e);

    public static ActionFailedException TimedOut(Exception e) =>
        new(Retcode.UpstreamTimeout, "the QQ OpenAPI did not answer in time", e);

    public static ActionFailedException Unreachable(Exception e) =>
        new(Retcode.UpstreamUnavailable, $"the QQ OpenAPI could not be reached: {e.Message}", e);

    public static ActionFailedException NothingToReplyTo(string why) => new(Retcode.UpstreamFailed, why);

    public static ActionFailedException UnsupportedSegment(string type, string where) =>
        new(Retcode.NotSupported, $"the QQ official bot API cannot send a \"{type}\" segment {where}");

    public static ActionFailedException BadMedia(string problem) => new(Retcode.BadRequest, problem);

    /// <summary>The platform's code, or the HTTP status when the answer had none.</summary>
    public static string CodeOf(QQApiException e) =>
        e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"HTTP {e.HttpStatus}";
}
