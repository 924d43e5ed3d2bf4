using System.Threading.Channels;
using Tocsin.Simulator.Nodes;

namespace Tocsin.Simulator.Consoles;

/// <summary>
/// Listens to what one node's firmware writes on its serial console and queues it for a console
/// client. The firmware writes on the node's tick thread, which must never wait for a slow client:
/// the queue is bounded and drops its oldest output when a client stops reading, as a UART's FIFO
/// overruns.
/// </summary>
public sealed class NodeConsoleTap : IDisposable
{
    /// <summary>Writes held for a client that is not reading (the firmware writes at most 60 bytes each).</summary>
    public const int QueuedWritesCapacity = 4096;

    private readonly VirtualNode _node;
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(QueuedWritesCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false });

    /// <summary>Starts listening to <paramref name="node"/>; what was written before is discarded, as a cable plugged in later never sees it.</summary>
    public NodeConsoleTap(VirtualNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _node = node;
        _node.Console.Written += OnWritten;
        _node.Console.TakeOutput();
    }

    /// <summary>What the firmware wrote since the tap was made, in order.</summary>
    public ChannelReader<byte[]> Output => _queue.Reader;

    /// <inheritdoc />
    public void Dispose()
    {
        _node.Console.Written -= OnWritten;
        _queue.Writer.TryComplete();
    }

    private void OnWritten(byte[] bytes)
    {
        _queue.Writer.TryWrite(bytes);

        // The line also keeps its own copy for TakeOutput; nobody else reads it while a console is
        // attached, so drop it here to keep a long session's memory flat.
        _node.Console.TakeOutput();
    }
}
