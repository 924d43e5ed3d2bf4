using Tocsin.Simulator.Consoles;
using Xunit;

namespace Tocsin.Simulator.Tests.Consoles;

public sealed class TerminalConsoleTests
{
    [Fact]
    public async Task Lines_from_the_reader_reach_the_node_and_its_answers_reach_the_writer()
    {
        await using var nodes = new TickedNodes();
        var output = new SharedStringWriter();
        var terminal = new TerminalConsole(nodes.Registry, "sn-1", new StringReader("help\nstatus\n"), output);
        using var stop = new CancellationTokenSource();

        Task<bool> run = terminal.RunAsync(stop.Token);
        await output.WaitForAsync("kind=sensor", TimeSpan.FromSeconds(15));
        await output.WaitForAsync("tocsin> ", TimeSpan.FromSeconds(15), after: "kind=sensor");
        await stop.CancelAsync();

        Assert.True(await run);
        string text = output.ToString();
        Assert.Contains("[console] attached to sn-1 (sensor node)", text, StringComparison.Ordinal);
        Assert.Contains("node identity, health, link and queue state", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("selftest", StringComparison.Ordinal) < text.IndexOf("kind=sensor", StringComparison.Ordinal), "help answered before status");

        // Detached on cancel: a TCP console may have the node now.
        Assert.NotNull(nodes.Registry.TryClaim("sn-1", new object(), out _));
    }

    [Fact]
    public async Task An_unknown_node_is_refused_with_a_message()
    {
        await using var nodes = new TickedNodes();
        var output = new StringWriter();

        bool ran = await new TerminalConsole(nodes.Registry, "sn-9", new StringReader("status\n"), output).RunAsync(CancellationToken.None);

        Assert.False(ran);
        Assert.Contains("error: no node 'sn-9'", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_a_console_already_attached_is_refused()
    {
        await using var nodes = new TickedNodes();
        Assert.NotNull(nodes.Registry.TryClaim("bn-1", new object(), out _));
        var output = new StringWriter();

        bool ran = await new TerminalConsole(nodes.Registry, "bn-1", new StringReader(string.Empty), output).RunAsync(CancellationToken.None);

        Assert.False(ran);
        Assert.Contains("already has a console attached", output.ToString(), StringComparison.Ordinal);
    }
}
