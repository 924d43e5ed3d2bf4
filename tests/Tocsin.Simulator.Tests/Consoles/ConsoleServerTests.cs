using System.Text;
using Tocsin.Simulator.Consoles;
using Xunit;

namespace Tocsin.Simulator.Tests.Consoles;

public sealed class ConsoleServerTests : IAsyncLifetime
{
    private readonly TickedNodes _nodes = new();
    private ConsoleServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new ConsoleServer(_nodes.Registry, 0);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _nodes.DisposeAsync();
    }

    private async Task<ConsoleClient> AttachedAsync(string nodeId)
    {
        ConsoleClient client = await ConsoleClient.ConnectAsync(_server.Endpoint);
        await client.ExpectAsync("console> ");
        await client.SendLineAsync("attach " + nodeId);
        await client.ExpectAsync("attached to " + nodeId);
        await client.ExpectAsync("tocsin> ");
        return client;
    }

    [Fact]
    public async Task An_attached_client_gets_the_firmwares_own_answers_to_help_and_status()
    {
        using ConsoleClient client = await ConsoleClient.ConnectAsync(_server.Endpoint);
        string greeting = await client.ExpectAsync("console> ");
        Assert.Contains("2 virtual nodes", greeting, StringComparison.Ordinal);
        Assert.Contains("which node?", greeting, StringComparison.Ordinal);

        await client.SendLineAsync("attach bn-1");
        await client.ExpectAsync("attached to bn-1 (broadcast node)");
        await client.ExpectAsync("tocsin> ");

        await client.SendLineAsync("help");
        string help = await client.ExpectAsync("tocsin> ");
        Assert.Contains("status", help, StringComparison.Ordinal);
        Assert.Contains("node identity, health, link and queue state", help, StringComparison.Ordinal);
        Assert.Contains("ok\r\n", help, StringComparison.Ordinal);

        await client.SendLineAsync("status");
        string status = await client.ExpectAsync("tocsin> ");
        Assert.Contains("node: (not provisioned) kind=broadcast", status, StringComparison.Ordinal);
        Assert.Contains("firmware: ", status, StringComparison.Ordinal);
        Assert.Contains("ok\r\n", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_a_bare_node_id_attaches_and_detach_returns_to_the_bridge()
    {
        using ConsoleClient client = await ConsoleClient.ConnectAsync(_server.Endpoint);
        await client.ExpectAsync("console> ");

        await client.SendLineAsync("sn-1");
        await client.ExpectAsync("attached to sn-1 (sensor node)");
        await client.ExpectAsync("tocsin> ");
        await client.SendLineAsync("detach");
        await client.ExpectAsync("detached from sn-1");
        await client.ExpectAsync("console> ");

        await client.SendLineAsync("status");
        Assert.Contains("error: 'status' is neither a node id nor a command", await client.ExpectAsync("console> "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_nodes_and_commands_get_an_error_and_the_session_goes_on()
    {
        using ConsoleClient client = await ConsoleClient.ConnectAsync(_server.Endpoint);
        await client.ExpectAsync("console> ");

        await client.SendLineAsync("attach bn-404");
        Assert.Contains("error: no node 'bn-404'; type 'nodes' to list them", await client.ExpectAsync("console> "), StringComparison.Ordinal);
        await client.SendLineAsync("attach");
        Assert.Contains("error: usage: attach <node-id>", await client.ExpectAsync("console> "), StringComparison.Ordinal);
        await client.SendLineAsync("detach");
        Assert.Contains("error: not attached to any node", await client.ExpectAsync("console> "), StringComparison.Ordinal);

        await client.SendLineAsync("nodes");
        string list = await client.ExpectAsync("console> ");
        Assert.Matches(@"bn-1\s+broadcast\s+powered", list);
        Assert.Matches(@"sn-1\s+sensor\s+powered", list);
        Assert.Contains("2 node(s)", list, StringComparison.Ordinal);
        await client.SendLineAsync("nodes sn-");
        string filtered = await client.ExpectAsync("console> ");
        Assert.DoesNotContain("bn-1", filtered, StringComparison.Ordinal);
        Assert.Contains("1 node(s)", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_clients_talk_to_two_nodes_at_once_without_crossed_lines()
    {
        using ConsoleClient speaker = await AttachedAsync("bn-1");
        using ConsoleClient sensor = await AttachedAsync("sn-1");

        await speaker.SendLineAsync("status");
        await sensor.SendLineAsync("status");
        string speakerStatus = await speaker.ExpectAsync("tocsin> ");
        string sensorStatus = await sensor.ExpectAsync("tocsin> ");

        Assert.Contains("kind=broadcast", speakerStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("kind=sensor", speakerStatus, StringComparison.Ordinal);
        Assert.Contains("kind=sensor", sensorStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("kind=broadcast", sensorStatus, StringComparison.Ordinal);
        Assert.Equal(2, _server.ClientCount);
    }

    [Fact]
    public async Task A_node_takes_one_console_at_a_time_and_is_free_again_after_a_hang_up()
    {
        ConsoleClient first = await AttachedAsync("bn-1");
        using ConsoleClient second = await ConsoleClient.ConnectAsync(_server.Endpoint);
        await second.ExpectAsync("console> ");

        await second.SendLineAsync("attach bn-1");
        Assert.Contains("error: node 'bn-1' already has a console attached", await second.ExpectAsync("console> "), StringComparison.Ordinal);

        first.Dispose();
        for (int attempt = 0; ; attempt++)
        {
            await second.SendLineAsync("attach bn-1");
            string answer = await second.ExpectAsync("\r\n");
            if (answer.Contains("attached to bn-1", StringComparison.Ordinal))
            {
                break;
            }

            // The server notices the hang-up on its next read; until then the node is still taken.
            Assert.True(attempt < 50, "bn-1 stayed attached after its client hung up");
            await second.ExpectAsync("console> ");
            await Task.Delay(100);
        }

        await second.ExpectAsync("tocsin> ");
        await second.SendLineAsync("status");
        Assert.Contains("kind=broadcast", await second.ExpectAsync("tocsin> "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_bytes_and_overlong_lines_are_answered_and_never_end_the_session()
    {
        using ConsoleClient client = await ConsoleClient.ConnectAsync(_server.Endpoint);
        await client.ExpectAsync("console> ");
        await client.SendAsync([0x61, 0xFF, 0xFE, 0x0A]);
        Assert.Contains("error: line is not valid UTF-8", await client.ExpectAsync("console> "), StringComparison.Ordinal);
        await client.SendAsync(Encoding.ASCII.GetBytes(new string('x', 10_000) + "\n"));
        Assert.Contains("error: line longer than 4096 bytes; discarded", await client.ExpectAsync("console> "), StringComparison.Ordinal);

        await client.SendLineAsync("attach bn-1");
        await client.ExpectAsync("tocsin> ");

        // Within the bridge's limit the firmware judges its own input, as on the board.
        await client.SendAsync([0x73, 0xC3, 0x28, 0x0D, 0x0A]);
        Assert.Contains("error: line is not valid UTF-8", await client.ExpectAsync("tocsin> "), StringComparison.Ordinal);
        await client.SendLineAsync("config get " + new string('y', 2000));
        Assert.Contains("error: line longer than 1024 bytes; discarded", await client.ExpectAsync("tocsin> "), StringComparison.Ordinal);
        await client.SendAsync(Encoding.ASCII.GetBytes(new string('z', 100_000) + "\r\n"));
        Assert.Contains("[console] error: line longer than 4096 bytes; not sent", await client.ExpectAsync("\r\n"), StringComparison.Ordinal);

        await client.SendLineAsync("status");
        Assert.Contains("kind=broadcast", await client.ExpectAsync("tocsin> "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quit_closes_the_connection_and_frees_the_slot()
    {
        ConsoleClient client = await ConsoleClient.ConnectAsync(_server.Endpoint);
        await client.ExpectAsync("console> ");
        await client.SendLineAsync("quit");

        Assert.True(await client.ClosedByServerAsync());
        Assert.Contains("bye", client.All, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public void The_server_listens_on_loopback_only()
    {
        Assert.True(System.Net.IPAddress.IsLoopback(_server.Endpoint.Address));
        Assert.NotEqual(0, _server.Endpoint.Port);
    }
}
