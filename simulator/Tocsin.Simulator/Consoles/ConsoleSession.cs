using System.Globalization;
using System.Text;
using Tocsin.Simulator.Nodes;

namespace Tocsin.Simulator.Consoles;

/// <summary>
/// One TCP client of the console server. Until it attaches, its lines are commands to the bridge
/// (<c>nodes</c>, <c>attach</c>, a bare node id, <c>quit</c>); once attached, every line goes to
/// the node's serial line byte for byte and everything the firmware writes comes back, until the
/// client types <c>detach</c> or hangs up. Bad input is answered, never fatal.
/// </summary>
internal sealed class ConsoleSession : IDisposable
{
    /// <summary>Longest line passed to a node: beyond the firmware's own 1024-byte limit, so the firmware's answer to an overlong line is seen too.</summary>
    public const int MaxLineBytes = 4096;

    private const string Prompt = "console> ";
    private const string BridgePrefix = "[console] ";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly NodeConsoleRegistry _registry;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private VirtualNode? _node;
    private NodeConsoleTap? _tap;
    private Task? _pump;

    /// <summary>Creates a session on a connected client's <paramref name="stream"/>.</summary>
    public ConsoleSession(NodeConsoleRegistry registry, Stream stream)
    {
        _registry = registry;
        _stream = stream;
    }

    /// <summary>Talks to the client until it quits, hangs up or <paramref name="cancellation"/> fires; always detaches.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        var reader = new ConsoleLineReader(_stream, MaxLineBytes);
        try
        {
            int count = _registry.Count;
            await SayAsync("Tocsin simulator: serial consoles of " + count.ToString(CultureInfo.InvariantCulture) + " virtual nodes"
                + (count == 0 ? " (none yet: the district is still being built)" : string.Empty) + ".", cancellation).ConfigureAwait(false);
            await SayAsync(HelpText + "\r\nwhich node? (type its id, or 'nodes' to list them)", cancellation).ConfigureAwait(false);
            await PromptAsync(cancellation).ConfigureAwait(false);
            while (await reader.ReadLineAsync(cancellation).ConfigureAwait(false) is ConsoleLine line)
            {
                bool keepGoing = _node == null
                    ? await CommandAsync(line, cancellation).ConfigureAwait(false)
                    : await AttachedLineAsync(line, cancellation).ConfigureAwait(false);
                if (!keepGoing)
                {
                    break;
                }
            }
        }
        finally
        {
            await DetachAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tap?.Dispose();
        _writeGate.Dispose();
    }

    private static string HelpText =>
        "commands:\r\n"
        + "  nodes [prefix]     list the virtual nodes (id, kind, power, console attached)\r\n"
        + "  attach <node-id>   connect to that node's serial console (or type just the id)\r\n"
        + "  detach             leave the node's console (typed while attached)\r\n"
        + "  quit               close this connection";

    private async Task<bool> CommandAsync(ConsoleLine line, CancellationToken cancellation)
    {
        if (line.IsOverlong)
        {
            await SayAsync("error: line longer than " + MaxLineBytes.ToString(CultureInfo.InvariantCulture) + " bytes; discarded", cancellation).ConfigureAwait(false);
            await PromptAsync(cancellation).ConfigureAwait(false);
            return true;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(line.Bytes).Trim();
        }
        catch (DecoderFallbackException)
        {
            await SayAsync("error: line is not valid UTF-8", cancellation).ConfigureAwait(false);
            await PromptAsync(cancellation).ConfigureAwait(false);
            return true;
        }

        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string verb = words.Length == 0 ? string.Empty : words[0];
        switch (verb)
        {
            case "":
                break;
            case "quit" or "exit":
                await SayAsync("bye", cancellation).ConfigureAwait(false);
                return false;
            case "help" or "?":
                await SayAsync(HelpText, cancellation).ConfigureAwait(false);
                break;
            case "nodes" when words.Length <= 2:
                IReadOnlyList<string> rows = _registry.Describe(words.Length == 2 ? words[1] : string.Empty);
                await SayAsync(string.Join("\r\n", rows.Append(rows.Count.ToString(CultureInfo.InvariantCulture) + " node(s)")), cancellation).ConfigureAwait(false);
                break;
            case "attach" when words.Length == 2:
                if (await AttachAsync(words[1], cancellation).ConfigureAwait(false))
                {
                    return true;
                }

                break;
            case "attach" or "nodes":
                await SayAsync("error: usage: " + (verb == "attach" ? "attach <node-id>" : "nodes [prefix]"), cancellation).ConfigureAwait(false);
                break;
            case "detach":
                await SayAsync("error: not attached to any node", cancellation).ConfigureAwait(false);
                break;
            default:
                if (words.Length == 1 && _registry.Contains(verb))
                {
                    if (await AttachAsync(verb, cancellation).ConfigureAwait(false))
                    {
                        return true;
                    }
                }
                else
                {
                    await SayAsync("error: '" + text + "' is neither a node id nor a command; type 'nodes' to list nodes, 'help' for commands", cancellation).ConfigureAwait(false);
                }

                break;
        }

        await PromptAsync(cancellation).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> AttachAsync(string nodeId, CancellationToken cancellation)
    {
        VirtualNode? node = _registry.TryClaim(nodeId, this, out string error);
        if (node == null)
        {
            await SayAsync("error: " + error, cancellation).ConfigureAwait(false);
            return false;
        }

        _node = node;
        _tap = new NodeConsoleTap(node);
        _pump = PumpAsync(_tap, cancellation);
        await SayAsync(BridgePrefix + "attached to " + node.Id + " (" + NodeConsoleRegistry.Kind(node) + " node"
            + (node.IsPowered ? string.Empty : ", powered off: what you type waits until it boots") + "); type 'detach' to leave", cancellation).ConfigureAwait(false);

        // Pressing Enter on a fresh connection: the firmware answers with its prompt.
        node.Console.TypeBytes(LineEnd);
        return true;
    }

    private async Task<bool> AttachedLineAsync(ConsoleLine line, CancellationToken cancellation)
    {
        if (line.IsOverlong)
        {
            await SayAsync(BridgePrefix + "error: line longer than " + MaxLineBytes.ToString(CultureInfo.InvariantCulture) + " bytes; not sent", cancellation).ConfigureAwait(false);
            return true;
        }

        if (line.Bytes.AsSpan().Trim(" \t"u8).SequenceEqual("detach"u8))
        {
            string id = _node!.Id;
            await DetachAsync().ConfigureAwait(false);
            await SayAsync(BridgePrefix + "detached from " + id, cancellation).ConfigureAwait(false);
            await PromptAsync(cancellation).ConfigureAwait(false);
            return true;
        }

        // Byte for byte, as a terminal on the board's UART: the firmware judges length and encoding itself.
        _node!.Console.TypeBytes([.. line.Bytes, .. LineEnd]);
        return true;
    }

    private async Task PumpAsync(NodeConsoleTap tap, CancellationToken cancellation)
    {
        // Off the reading path: the client's output keeps flowing while it is typing.
        await Task.Yield();
        try
        {
            await foreach (byte[] chunk in tap.Output.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                await WriteAsync(chunk, cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping; the reading side ends the session.
        }
    }

    private async Task DetachAsync()
    {
        if (_node == null)
        {
            return;
        }

        _tap!.Dispose();
        await _pump!.ConfigureAwait(false);
        _registry.Release(_node.Id, this);
        _node = null;
        _tap = null;
        _pump = null;
    }

    private Task PromptAsync(CancellationToken cancellation) => WriteAsync(Encoding.UTF8.GetBytes(Prompt), cancellation);

    private Task SayAsync(string text, CancellationToken cancellation) => WriteAsync(Encoding.UTF8.GetBytes(text + "\r\n"), cancellation);

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellation)
    {
        await _writeGate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellation).ConfigureAwait(false);
            await _stream.FlushAsync(cancellation).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
