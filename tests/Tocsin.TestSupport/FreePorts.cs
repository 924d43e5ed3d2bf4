using System.Net;
using System.Net.Sockets;

namespace Tocsin.TestSupport;

/// <summary>Ports for servers a test starts (brokers, databases, HTTP) on the loopback interface.</summary>
public static class FreePorts
{
    /// <summary>
    /// A TCP port free on 127.0.0.1 at the moment of asking: the kernel picks it for a listener that is
    /// closed again at once. Another process could take it before the caller binds it; on this
    /// machine's ephemeral range that has not happened, and the caller's bind error would say so.
    /// </summary>
    public static int Loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
