using System.Diagnostics;

namespace Tocsin.Simulator.Nodes;

/// <summary>
/// Runs virtual nodes in real time: a few threads each tick their share of the nodes every
/// <see cref="TickMs"/>, so thousands of firmware instances share a 2-core machine the way the
/// board's single loop runs one. A hook lets the world update sensors before each round.
/// </summary>
public sealed class LiveNodeHost : IAsyncDisposable
{
    private readonly VirtualNode[] _nodes;
    private readonly int _threads;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _workers = new();
    private long _rounds;

    /// <summary>Creates a host for <paramref name="nodes"/> on <paramref name="threads"/> threads.</summary>
    public LiveNodeHost(IReadOnlyList<VirtualNode> nodes, int threads = 2)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _nodes = nodes.ToArray();
        _threads = Math.Clamp(threads, 1, 64);
    }

    /// <summary>Target time between two ticks of the same node.</summary>
    public int TickMs { get; init; } = 50;

    /// <summary>Called on each worker before it ticks a node (e.g. to feed rain and water).</summary>
    public Action<VirtualNode, long>? BeforeNodeTick { get; init; }

    /// <summary>Rounds completed by all workers together.</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>The nodes.</summary>
    public IReadOnlyList<VirtualNode> Nodes => _nodes;

    /// <summary>Starts the workers.</summary>
    public void Start()
    {
        for (int t = 0; t < _threads; t++)
        {
            int index = t;
            var thread = new Thread(() => Work(index)) { IsBackground = true, Name = "tocsin-nodes-" + index };
            _workers.Add(thread);
            thread.Start();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (Thread t in _workers)
        {
            t.Join(TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }

    private void Work(int index)
    {
        var watch = Stopwatch.StartNew();
        long last = 0;
        while (!_stop.IsCancellationRequested)
        {
            long now = watch.ElapsedMilliseconds;
            long elapsed = now - last;
            last = now;
            for (int i = index; i < _nodes.Length; i += _threads)
            {
                VirtualNode node = _nodes[i];
                lock (node)
                {
                    BeforeNodeTick?.Invoke(node, elapsed);
                    node.Tick(elapsed);
                }
            }

            Interlocked.Increment(ref _rounds);
            long spent = watch.ElapsedMilliseconds - now;
            if (spent < TickMs)
            {
                Thread.Sleep((int)(TickMs - spent));
            }
        }
    }
}
