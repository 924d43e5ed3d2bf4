using System.Net;
using System.Net.Sockets;

namespace Tocsin.TestSupport;

/// <summary>
/// Another process's listener on a loopback port, for tests of what a server does when its port is
/// taken. It binds first and learns its number after, so nothing can take the port in between.
/// </summary>
public sealed class PortSquatter : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    /// <summary>Binds a port the kernel picks.</summary>
    public PortSquatter()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    /// <summary>The port taken.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
