using System.Net;
using System.Net.Sockets;

namespace OneBotBridge.Bench.Processes;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on now, for a child process to listen on.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
