using System.Net;
using System.Net.Sockets;
using Tocsin.Simulator.Consoles;
using Xunit;

namespace Tocsin.Simulator.Tests.Consoles;

public sealed class DistrictConsolesTests
{
    [Fact]
    public async Task A_taken_port_fails_before_the_district_is_built()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var notes = new StringWriter();
        await using var consoles = new DistrictConsoles(new StringReader(string.Empty), new StringWriter(), notes);

        Assert.False(consoles.TryListen(port));
        Assert.Contains("--console-port " + port + ": cannot listen on 127.0.0.1", notes.ToString(), StringComparison.Ordinal);
        Assert.Null(consoles.Server);
    }

    [Fact]
    public async Task Clients_connected_during_the_build_see_the_nodes_once_they_are_added()
    {
        await using var nodes = new TickedNodes();
        var notes = new StringWriter();
        await using var consoles = new DistrictConsoles(new StringReader(string.Empty), new StringWriter(), notes);
        Assert.True(consoles.TryListen(0));
        Assert.Contains("nc 127.0.0.1 " + consoles.Server!.Endpoint.Port, notes.ToString(), StringComparison.Ordinal);

        using ConsoleClient early = await ConsoleClient.ConnectAsync(consoles.Server.Endpoint);
        Assert.Contains("0 virtual nodes (none yet", await early.ExpectAsync("console> "), StringComparison.Ordinal);
        Assert.True(consoles.Open([nodes.Speaker, nodes.Sensor], terminalNodeId: null));

        await early.SendLineAsync("attach sn-1");
        await early.ExpectAsync("tocsin> ");
        await early.SendLineAsync("status");
        Assert.Contains("kind=sensor", await early.ExpectAsync("tocsin> "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_terminal_node_is_refused_naming_some_real_ones()
    {
        await using var nodes = new TickedNodes();
        var notes = new StringWriter();
        await using var consoles = new DistrictConsoles(new StringReader(string.Empty), new StringWriter(), notes);

        Assert.False(consoles.Open([nodes.Speaker, nodes.Sensor], "bn-typo"));
        Assert.Contains("--console: no node 'bn-typo'; this district has bn-1, sn-1", notes.ToString(), StringComparison.Ordinal);
    }
}
