using System.Net.Sockets;
using Tocsin.Simulator.Nodes;

namespace Tocsin.Simulator.Consoles;

/// <summary>
/// The console access a live district run was asked for: a TCP console server
/// (<c>--console-port</c>), the process's terminal on one node (<c>--console</c>), or both, sharing
/// one registry so a node never has two consoles at once.
/// </summary>
public sealed class DistrictConsoles : IAsyncDisposable
{
    private readonly NodeConsoleRegistry _registry = new();
    private readonly TextReader _terminalInput;
    private readonly TextWriter _terminalOutput;
    private readonly TextWriter _notes;
    private readonly CancellationTokenSource _stop = new();
    private ConsoleServer? _server;
    private Task? _terminal;

    /// <summary>Creates the consoles; <paramref name="notes"/> gets the server's address, its connection log and errors.</summary>
    public DistrictConsoles(TextReader terminalInput, TextWriter terminalOutput, TextWriter notes)
    {
        _terminalInput = terminalInput;
        _terminalOutput = terminalOutput;
        _notes = notes;
    }

    /// <summary>The nodes consoles can attach to.</summary>
    public NodeConsoleRegistry Registry => _registry;

    /// <summary>The TCP server, once listening.</summary>
    public ConsoleServer? Server => _server;

    /// <summary>
    /// Starts the TCP console server on <paramref name="port"/> (nothing when null), before the district
    /// is built so a taken port fails the run at once; clients see the nodes as they are added.
    /// </summary>
    /// <returns>False, having said why, when the port cannot be used.</returns>
    public bool TryListen(int? port)
    {
        if (port == null)
        {
            return true;
        }

        if (port < 0 || port > 65535)
        {
            _notes.WriteLine("--console-port must be from 0 to 65535");
            return false;
        }

        var server = new ConsoleServer(_registry, port.Value, _notes);
        try
        {
            server.Start();
        }
        catch (SocketException ex)
        {
            _notes.WriteLine("--console-port " + port + ": cannot listen on 127.0.0.1: " + ex.Message);
            return false;
        }

        _server = server;
        _notes.WriteLine("serial consoles on " + server.Endpoint + " (connect with: nc " + server.Endpoint.Address + " " + server.Endpoint.Port + ")");
        return true;
    }

    /// <summary>Makes <paramref name="nodes"/> attachable and, when <paramref name="terminalNodeId"/> is given, attaches the terminal to it.</summary>
    /// <returns>False, having said why, when there is no node <paramref name="terminalNodeId"/>.</returns>
    public bool Open(IReadOnlyList<VirtualNode> nodes, string? terminalNodeId)
    {
        _registry.Add(nodes);
        if (terminalNodeId == null)
        {
            return true;
        }

        if (!_registry.Contains(terminalNodeId))
        {
            _notes.WriteLine("--console: no node '" + terminalNodeId + "'; this district has " + string.Join(", ", nodes.Take(6).Select(n => n.Id))
                + (nodes.Count > 6 ? ", …" : string.Empty));
            return false;
        }

        _terminal = new TerminalConsole(_registry, terminalNodeId, _terminalInput, _terminalOutput).RunAsync(_stop.Token);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_terminal != null)
        {
            await _terminal.ConfigureAwait(false);
        }

        if (_server != null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
