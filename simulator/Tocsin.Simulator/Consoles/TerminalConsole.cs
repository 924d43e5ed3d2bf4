using System.Globalization;
using System.Text;
using Tocsin.Simulator.Nodes;

namespace Tocsin.Simulator.Consoles;

/// <summary>
/// The process's own terminal on one node's serial console (<c>tocsin-sim district --console ID</c>):
/// each line read goes to the node, everything the firmware writes is printed. When the input ends
/// (a piped script ran out) the node's answers keep coming until the run is cancelled.
/// </summary>
public sealed class TerminalConsole
{
    /// <summary>Longest line passed to the node, as for TCP consoles.</summary>
    public const int MaxLineChars = ConsoleSession.MaxLineBytes;

    private readonly NodeConsoleRegistry _registry;
    private readonly string _nodeId;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly object _outputGate = new();

    /// <summary>Creates the bridge between <paramref name="input"/>/<paramref name="output"/> and node <paramref name="nodeId"/>.</summary>
    public TerminalConsole(NodeConsoleRegistry registry, string nodeId, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _registry = registry;
        _nodeId = nodeId;
        _input = input;
        _output = output;
    }

    /// <summary>Bridges until <paramref name="cancellation"/> fires.</summary>
    /// <returns>False, having printed why, when the node does not exist or already has a console.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellation)
    {
        VirtualNode? node = _registry.TryClaim(_nodeId, this, out string error);
        if (node == null)
        {
            Print("error: " + error + Environment.NewLine);
            return false;
        }

        try
        {
            using var tap = new NodeConsoleTap(node);
            Print("[console] attached to " + node.Id + " (" + NodeConsoleRegistry.Kind(node) + " node); Ctrl+C ends the run" + Environment.NewLine);
            node.Console.Type("\r\n");

            // Console.In reads block the calling thread whatever the API says: keep them off the output's path.
            _ = Task.Run(() => ForwardInputAsync(node, cancellation), CancellationToken.None);
            await PrintOutputAsync(tap, cancellation).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _registry.Release(_nodeId, this);
        }
    }

    private async Task ForwardInputAsync(VirtualNode node, CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested && await _input.ReadLineAsync(cancellation).ConfigureAwait(false) is string line)
            {
                if (line.Length > MaxLineChars)
                {
                    Print("[console] error: line longer than " + MaxLineChars.ToString(CultureInfo.InvariantCulture) + " characters; not sent" + Environment.NewLine);
                    continue;
                }

                node.Console.Type(line + "\r\n");
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The run ended or the terminal went away: nothing more to forward.
        }
    }

    private async Task PrintOutputAsync(NodeConsoleTap tap, CancellationToken cancellation)
    {
        // Stateful: a character split across two of the firmware's writes is decoded whole.
        Decoder decoder = Encoding.UTF8.GetDecoder();
        char[] chars = new char[Encoding.UTF8.GetMaxCharCount(256)];
        try
        {
            await foreach (byte[] chunk in tap.Output.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                for (int offset = 0; offset < chunk.Length; offset += 256)
                {
                    int take = Math.Min(256, chunk.Length - offset);
                    int n = decoder.GetChars(chunk, offset, take, chars, 0);
                    Print(new string(chars, 0, n));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or the end of the run.
        }
    }

    private void Print(string text)
    {
        lock (_outputGate)
        {
            _output.Write(text);
            _output.Flush();
        }
    }
}
