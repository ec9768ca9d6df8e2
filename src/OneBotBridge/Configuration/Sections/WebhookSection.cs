using OneBotBridge.Configuration.Yaml;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>qq.webhook</c>: where the bridge takes the platform's HTTP callbacks when <c>qq.transport</c> is <c>webhook</c>.</summary>
internal static class WebhookSection
{
    private static readonly SectionSchema<WebhookTlsOptions> TlsSchema = new()
    {
        { "certificate", (node, tls) => node.ReadString(value => tls.Certificate = value.Trim()) },
        { "key", (node, tls) => node.ReadString(value => tls.Key = value.Trim()) },
        { "password", (node, tls) => node.ReadString(value => tls.Password = value) },
    };

    private static readonly SectionSchema<WebhookOptions> Schema = new()
    {
        { "listen", (node, options) => node.ReadListenAddress(value => options.Listen = value) },
        { "path", ReadPath },
        { "timestamp_tolerance", (node, options) => node.ReadDuration(allowZero: false, value => options.TimestampTolerance = value) },
        { "max_body_bytes", (node, options) => node.ReadInteger(1024, 64L << 20, value => options.MaxBodyBytes = value) },
        { "queue_wait", (node, options) => node.ReadDuration(allowZero: true, value => options.QueueWait = value) },
        { "remembered_event_ids", (node, options) => node.ReadInteger(0, 10_000_000, value => options.RememberedEventIds = (int)value) },
        { "tls", (node, options) => TlsSchema.Bind(node, options.Tls) },
    };

    public static void Bind(ConfigNode node, WebhookOptions options)
    {
        Schema.Bind(node, options);
        var tls = node.Member("tls");
        if (!options.Tls.Enabled && (!string.IsNullOrWhiteSpace(options.Tls.Key) || !string.IsNullOrEmpty(options.Tls.Password)))
        {
            tls.Report("key and password need certificate (a .pfx/.p12 file, or a PEM .crt/.pem/.cer)");
        }

        ReportMissingFile(tls.Member("certificate"), options.Tls.Certificate);
        ReportMissingFile(tls.Member("key"), options.Tls.Key);
    }

    private static void ReadPath(ConfigNode node, WebhookOptions options) => node.ReadString(value =>
    {
        if (value.StartsWith('/') && !value.Contains('?') && !value.Contains('#'))
        {
            options.Path = value;
        }
        else
        {
            node.Report($"'{value}' is not a URL path (it starts with '/', like /qq/callback)");
        }
    });

    private static void ReportMissingFile(ConfigNode node, string? path)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            node.Report($"'{path}' does not exist");
        }
    }
}
