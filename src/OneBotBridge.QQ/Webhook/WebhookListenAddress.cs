using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneBotBridge.QQ.Webhook;

/// <summary>The <c>host:port</c> of <c>qq.webhook.listen</c>: an IP literal (IPv6 in brackets), <c>localhost</c>, or <c>*</c> for all interfaces.</summary>
internal sealed record WebhookListenAddress(string Host, int Port)
{
    private const string Key = "qq.webhook.listen";

    public static WebhookListenAddress Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new QQFatalException($"{Key}: '{value}' is not host:port (e.g. 0.0.0.0:8443).");
        }

        var host = value[..colon].Trim('[', ']');
        if (host is not ("localhost" or "*") && !IPAddress.TryParse(host, out _))
        {
            throw new QQFatalException($"{Key}: '{host}' is neither an IP address, 'localhost' nor '*'.");
        }

        return new WebhookListenAddress(host, port);
    }

    public void ApplyTo(KestrelServerOptions kestrel, Action<ListenOptions> configure)
    {
        switch (Host)
        {
            case "localhost":
                kestrel.ListenLocalhost(Port, configure);
                break;
            case "*":
                kestrel.ListenAnyIP(Port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(Host), Port, configure);
                break;
        }
    }

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
