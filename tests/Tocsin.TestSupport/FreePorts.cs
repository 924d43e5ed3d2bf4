using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tocsin.TestSupport;

/// <summary>Ports for servers a test starts (brokers, databases, HTTP) on the loopback interface.</summary>
public static class FreePorts
{
    // Ports are handed out below the kernel's ephemeral range. A port the kernel picked for a probe
    // listener lies inside that range, where any outgoing connection from a parallel test (an MQTT
    // client, an HTTP client) may be given it between the probe and the real bind; CI met exactly
    // that. Below the range only listeners compete, and each candidate is probed before it is given.
    private const int LowestPort = 10000;

    private static readonly int s_highestPort = EphemeralRangeStart() - 1;

    // Each test process starts at its own place in the range and walks on, so no two fixtures in
    // one process are ever given the same port and parallel processes rarely meet.
    private static int s_cursor = (int)((long)Environment.ProcessId * 7919 % (s_highestPort - LowestPort));

    /// <summary>
    /// A TCP port free on 127.0.0.1 at the moment of asking, below the ephemeral range, not given
    /// out before by this process.
    /// </summary>
    public static int Loopback()
    {
        int span = s_highestPort - LowestPort;
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            int port = LowestPort + (int)((uint)Interlocked.Increment(ref s_cursor) % (uint)span);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free loopback port between " + LowestPort + " and " + s_highestPort + " after 1000 tries");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port Linux hands to outgoing connections; 32768 where that cannot be read.</summary>
    private static int EphemeralRangeStart()
    {
        const int DefaultStart = 32768;
        try
        {
            string text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            string first = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            int start = int.Parse(first, NumberStyles.None, CultureInfo.InvariantCulture);
            return start > LowestPort + 1000 ? start : DefaultStart;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            return DefaultStart;
        }
    }
}
