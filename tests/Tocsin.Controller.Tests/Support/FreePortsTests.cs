using System.Net;
using System.Net.Sockets;
using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

public sealed class FreePortsTests
{
    [Fact]
    public void Ports_are_distinct_bindable_and_below_the_ephemeral_range()
    {
        string range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = int.Parse(range.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        var seen = new HashSet<int>();
        for (int i = 0; i < 50; i++)
        {
            int port = FreePorts.Loopback();
            Assert.True(port < ephemeralStart, port + " is inside the ephemeral range from " + ephemeralStart);
            Assert.True(seen.Add(port), port + " was given twice");
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
