using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneBotBridge.OneBot.Transports;

/// <summary>A <c>host:port</c> listen setting: an IP literal (IPv6 in brackets), <c>localhost</c>, or <c>*</c> for all interfaces.</summary>
internal sealed record ListenAddress(string Host, int Port)
{
    /// <param name="key">The configuration key, named in the error.</param>
    public static ListenAddress Parse(string value, string key)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new FormatException($"{key}: '{value}' is not host:port (e.g. 127.0.0.1:6700).");
        }

        var host = value[..colon].Trim('[', ']');
        if (host is not ("localhost" or "*") && !IPAddress.TryParse(host, out _))
        {
            throw new FormatException($"{key}: '{host}' is neither an IP address, 'localhost' nor '*'.");
        }

        return new ListenAddress(host, port);
    }

    public void ApplyTo(KestrelServerOptions kestrel)
    {
        switch (Host)
        {
            case "localhost":
                kestrel.ListenLocalhost(Port);
                break;
            case "*":
                kestrel.ListenAnyIP(Port);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(Host), Port);
                break;
        }
    }

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
