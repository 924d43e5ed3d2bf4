using System.Net;
using System.Net.Sockets;
using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>The test broker survives losing its port to another process between probe and bind.</summary>
public sealed class MosquittoBrokerTests
{
    [Fact]
    public async Task A_port_taken_before_mosquitto_binds_it_is_replaced_by_a_fresh_one()
    {
        using var squatter = new PortSquatter();
        int taken = squatter.Port;
        var given = new List<int>();
        int Next()
        {
            int port = given.Count == 0 ? taken : FreePorts.Loopback();
            given.Add(port);
            return port;
        }

        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(Next);

        Assert.Equal(2, given.Count);
        Assert.Equal(given[1], broker.Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, broker.Port);
    }

    [Fact]
    public async Task A_port_taken_at_every_attempt_fails_naming_mosquittos_own_reason()
    {
        using var squatter = new PortSquatter();
        int taken = squatter.Port;
        int attempts = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MosquittoBroker.StartAsync(() =>
        {
            attempts++;
            return taken;
        }));

        Assert.Equal(3, attempts);
        Assert.Contains("Address already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains(taken.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
