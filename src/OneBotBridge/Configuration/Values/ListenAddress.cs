using System.Globalization;
using System.Net;

namespace OneBotBridge.Configuration.Values;

/// <summary>
/// A server's <c>listen</c> value: <c>host:port</c> where host is an IP address (IPv6 in
/// brackets) or <c>localhost</c>, and port is 0-65535 (0 picks a free port).
/// </summary>
internal static class ListenAddress
{
    public static bool TryParse(string text, out string error)
    {
        error = "";
        var separator = text.LastIndexOf(':');
        if (separator <= 0)
        {
            error = $"'{text}' is not host:port (like 127.0.0.1:6700)";
            return false;
        }

        var host = text[..separator];
        var port = text[(separator + 1)..];
        if (!IsHost(host))
        {
            error = $"'{text}': the host must be an IP address ([...] for IPv6) or localhost";
            return false;
        }

        if (!ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{text}': the port must be a number from 0 to 65535";
            return false;
        }

        return true;
    }

    private static bool IsHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        return IPAddress.TryParse(host, out var v4)
            && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && host.Count(c => c == '.') == 3;
    }
}
