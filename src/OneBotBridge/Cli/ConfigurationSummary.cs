using OneBotBridge.Configuration;
using OneBotBridge.Configuration.Values;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.Security;

namespace OneBotBridge.Cli;

/// <summary>The lines <c>check-config</c> prints for a valid file: what the bridge will do, secrets shown only as set or not.</summary>
internal static class ConfigurationSummary
{
    public static IEnumerable<string> Describe(ConfigurationLoadResult result)
    {
        var qq = result.Configuration.Qq;
        var onebot = result.Configuration.OneBot;
        yield return $"qq.app_id: {(qq.AppId.Length == 0 ? "not set" : qq.AppId)}{Source(result, EnvironmentOverrides.AppId)}";
        yield return $"qq.client_secret: {Redact.Presence(qq.ClientSecret)}{Source(result, EnvironmentOverrides.ClientSecret)}";
        yield return $"qq: {Transport(qq.Transport)} via {qq.EffectiveApiBase}{(qq.Sandbox ? " (sandbox)" : "")}, token from {qq.TokenUrl}";
        yield return $"qq.intents: {string.Join(", ", qq.Intents)}";
        yield return $"qq.shards: {Shards(qq.Shards)}";
        yield return $"qq.reconnect: {DurationSyntax.Format(qq.Reconnect.InitialDelay)} up to {DurationSyntax.Format(qq.Reconnect.MaxDelay)}";
        yield return $"onebot: self_id {(onebot.SelfId == 0 ? "from the bot account" : onebot.SelfId)}, message_format {Format(onebot.MessageFormat)}, " +
                     $"heartbeat {(onebot.HeartbeatInterval == TimeSpan.Zero ? "off" : DurationSyntax.Format(onebot.HeartbeatInterval))}, " +
                     $"access_token {Redact.Presence(onebot.AccessToken)}";
        yield return $"onebot.forward_ws: {List(onebot.ForwardWs.Select(entry => $"ws://{entry.Listen}"))}";
        yield return $"onebot.reverse_ws: {List(onebot.ReverseWs.Select(ReverseTarget))}";
        yield return $"onebot.http_api: {List(onebot.HttpApi.Select(entry => $"http://{entry.Listen}"))}";
        yield return $"onebot.http_post: {List(onebot.HttpPost.Select(entry => Redact.Url(entry.Url)))}";
        var configuration = result.Configuration;
        var replies = configuration.Replies;
        var hold = configuration.HoldUnreplyable;
        yield return $"qq.hold_unreplyable: {(hold.Enabled ? $"up to {hold.MaxCount} sends per conversation for {DurationSyntax.Format(hold.MaxAge)}" : "off")}";
        yield return $"storage: {Path.GetFullPath(configuration.Storage.Path)}, messages kept {DurationSyntax.Format(configuration.Storage.MessageRetention)}";
        yield return $"ids.range: [{configuration.Ids.Range.Min}, {configuration.Ids.Range.Max}]";
        yield return $"replies: group {DurationSyntax.Format(replies.GroupWindow)}, c2c {DurationSyntax.Format(replies.C2CWindow)}, " +
                     $"guild {DurationSyntax.Format(replies.GuildWindow)}, direct {DurationSyntax.Format(replies.DirectWindow)}, " +
                     $"event {DurationSyntax.Format(replies.EventWindow)}; {replies.MaxPerMsgId} per msg_id";
        yield return $"logging.level: {configuration.Logging.Level.ToString().ToLowerInvariant()}";
    }

    public static string Shards(ShardSelection? shards) => shards is null ? "auto" : $"shard {shards.Id} of {shards.Count}";

    private static string Transport(QQTransport transport) => transport.ToString().ToLowerInvariant();

    private static string Format(OneBot.Abstractions.MessageFormat format) => format.ToString().ToLowerInvariant();

    private static string ReverseTarget(ReverseWsOptions entry) => entry.Role == ReverseWsRole.Universal
        ? Redact.Url(entry.Url)
        : $"{Redact.Url(entry.ApiUrl ?? entry.Url)} (api) + {Redact.Url(entry.EventUrl ?? entry.Url)} (event)";

    private static string List(IEnumerable<string> entries) => string.Join(", ", entries.DefaultIfEmpty("none"));

    private static string Source(ConfigurationLoadResult result, string variable) =>
        result.EnvironmentOverrides.Contains(variable) ? $" (from {variable})" : "";
}
