using OneBotBridge.Configuration;
using OneBotBridge.Configuration.Values;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.Security;

namespace OneBotBridge.Cli;

/// <summary>The lines <c>check-config</c> prints for a valid file: what the bridge will do, secrets shown only as set or not.</summary>
internal static class ConfigurationSummary
{
    /// <summary>The ports the QQ platform delivers callbacks to.</summary>
    private static readonly int[] WebhookPorts = [80, 443, 8080, 8443];

    public static IEnumerable<string> Describe(ConfigurationLoadResult result)
    {
        var qq = result.Configuration.Qq;
        var onebot = result.Configuration.OneBot;
        yield return $"qq.app_id: {(qq.AppId.Length == 0 ? "not set" : qq.AppId)}{Source(result, EnvironmentOverrides.AppId)}";
        yield return $"qq.client_secret: {Redact.Presence(qq.ClientSecret)}{Source(result, EnvironmentOverrides.ClientSecret)}";
        yield return $"qq: {Transport(qq.Transport)} via {qq.EffectiveApiBase}{(qq.Sandbox ? " (sandbox)" : "")}, token from {qq.TokenUrl}";
        if (qq.Transport == QQTransport.Webhook)
        {
            foreach (var line in Webhook(qq.Webhook))
            {
                yield return line;
            }
        }
        else
        {
            yield return $"qq.intents: {string.Join(", ", qq.Intents)}";
            yield return $"qq.shards: {Shards(qq.Shards)}";
        }

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

    /// <summary>What the console needs: the callback URL as the platform must see it, and the ports it calls.</summary>
    private static IEnumerable<string> Webhook(WebhookOptions webhook)
    {
        var tls = webhook.Tls.Enabled ? $"HTTPS with {webhook.Tls.Certificate}" : "plain HTTP (put a TLS reverse proxy in front)";
        yield return $"qq.webhook: listening on {webhook.Listen}, path {webhook.Path}, {tls}";
        yield return $"qq.webhook: in the console, set the callback URL to https://YOUR-DOMAIN{webhook.Path} " +
                     $"(the platform calls ports {string.Join(", ", WebhookPorts)} only; the console sends a validation request when you save it)";
        if (webhook.Tls.Enabled && !WebhookPorts.Contains(ListenPort(webhook.Listen)))
        {
            yield return $"qq.webhook: port {ListenPort(webhook.Listen)} is not one the platform calls; forward one of {string.Join(", ", WebhookPorts)} to it";
        }

        yield return $"qq.webhook: signatures within {DurationSyntax.Format(webhook.TimestampTolerance)} of now, bodies up to {webhook.MaxBodyBytes} bytes, " +
                     $"{webhook.RememberedEventIds} event ids remembered against redelivery, a full queue waited on {DurationSyntax.Format(webhook.QueueWait)}";
        yield return "qq.intents, qq.shards: not used by webhook (the console chooses which events are sent)";
    }

    private static int ListenPort(string listen) => int.Parse(listen[(listen.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

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
