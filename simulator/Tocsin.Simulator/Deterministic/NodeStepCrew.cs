using System.Runtime.ExceptionServices;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// Steps one slot's due nodes on the calling thread, helped by threads that stay alive for the whole
/// run: the controller round worker once its round is done (<see cref="Help"/>), and on machines with
/// more than two cores, threads of the crew's own. A slot of a 10,000-node day holds 30 to 50 nodes of
/// a few microseconds each: too little for <c>Parallel.ForEach</c>, whose start-up cost ate the gain,
/// so small slots ran on one core. Here the caller takes nodes from a shared counter at once, helpers
/// join when they are free, and one that comes after the slot is done does nothing; the caller never
/// waits for a helper to come, only for one to finish the node in its hands. Each node is stepped
/// exactly once, by whoever took it, so the run is the same as stepping them in order (node steps
/// touch nothing shared).
/// </summary>
public sealed class NodeStepCrew : IDisposable
{
    private const int Open = 0;
    private const int Closed = 1;

    private readonly Thread[] _helpers;
    private readonly SemaphoreSlim _wake = new(0);
    private List<int> _items = [];
    private Action<int> _step = static _ => { };
    private int _next;
    private int _state = Closed;
    private int _inside;
    private Exception? _failure;
    private volatile bool _stopping;

    /// <summary>Starts <paramref name="helpers"/> threads of its own (0: only outside helpers).</summary>
    public NodeStepCrew(int helpers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(helpers);
        _helpers = new Thread[helpers];
        for (int i = 0; i < helpers; i++)
        {
            _helpers[i] = new Thread(HelperLoop) { IsBackground = true, Name = "node steps " + (i + 1) };
            _helpers[i].Start();
        }
    }

    /// <summary>Calls <paramref name="step"/> once for every item, on this thread and the helpers; rethrows the first failure.</summary>
    public void Run(List<int> items, Action<int> step)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(step);
        ObjectDisposedException.ThrowIf(_stopping, this);
        _items = items;
        _step = step;
        _next = -1;
        _failure = null;
        Interlocked.Exchange(ref _state, Open);
        if (_helpers.Length > 0)
        {
            _wake.Release(_helpers.Length);
        }

        Work();

        // Close the slot, then wait only for helpers already inside it (each finishes its node).
        Interlocked.Exchange(ref _state, Closed);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _inside) != 0)
        {
            spin.SpinOnce();
        }

        if (_failure is Exception failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Stops the helpers.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (_helpers.Length > 0)
        {
            _wake.Release(_helpers.Length);
        }

        foreach (Thread helper in _helpers)
        {
            helper.Join();
        }

        _wake.Dispose();
    }

    private void Work()
    {
        List<int> items = _items;
        Action<int> step = _step;
        int i;
        while ((i = Interlocked.Increment(ref _next)) < items.Count)
        {
            try
            {
                step(items[i]);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
        }
    }

    private void HelperLoop()
    {
        while (true)
        {
            _wake.Wait();
            if (_stopping)
            {
                return;
            }

            Help();
        }
    }

    /// <summary>Steps nodes of the slot running now, if one is (any thread; returns when none are left to take).</summary>
    public void Help()
    {
        // Enter first, then look: the caller closes first, then looks, so one of the two sees the other.
        Interlocked.Increment(ref _inside);
        if (Volatile.Read(ref _state) == Open)
        {
            Work();
        }

        Interlocked.Decrement(ref _inside);
    }
}
