namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// One slot's node steps, shared between the main thread and a helper (the controller's round thread
/// when it has no round to run). Each takes the next node not yet taken until none are left; the main
/// thread then waits for the steps the helper took to finish. Nodes step independently of each other
/// within a slot (each touches only its own board and links), and what involves more than one node
/// (handing their traffic to the network, the schedule) runs on the main thread in node order after
/// the steps, so who stepped which node never shows in a run. A 2-core machine runs the controller's rounds on one core and the steps on the other;
/// the round thread is idle about half the time, and this puts that half to work.
/// </summary>
public sealed class SharedSlotSteps
{
    private int[] _due = new int[256];
    private int _count;
    private Action<int> _step = _ => { };
    private int _next;
    private int _finished;
    private int _open;
    private int _inside;
    private Exception? _failure;

    /// <summary>Called right after a slot opens, to wake a helper that sleeps (see <see cref="ControllerRoundWorker"/>).</summary>
    public Action? WakeHelper { get; set; }

    /// <summary>Steps the helper took since the start (the rest the main thread took).</summary>
    public long HelperSteps { get; private set; }

    /// <summary>
    /// Steps every node in <paramref name="due"/> with <paramref name="step"/>, on this thread and on a
    /// helper that calls <see cref="TryHelp"/> meanwhile; returns when all have finished. Rethrows the
    /// first exception a step threw (on either thread), after the others finished.
    /// </summary>
    public void Run(List<int> due, Action<int> step)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(step);

        // No helper is inside while the slot is closed (Close waits for it), so the fields are ours.
        if (_due.Length < due.Count)
        {
            _due = new int[Math.Max(due.Count, _due.Length * 2)];
        }

        due.CopyTo(_due);
        _count = due.Count;
        _step = step;
        _next = 0;
        _finished = 0;
        _failure = null;

        // A full fence: a helper going to sleep checks IsOpen after saying so, and this reads that after opening.
        Interlocked.Exchange(ref _open, 1);
        int mine = 0;
        try
        {
            WakeHelper?.Invoke();
            mine = Take();
            var wait = new SpinWait();
            while (Volatile.Read(ref _finished) < _count)
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }
        }
        finally
        {
            Close();
        }

        HelperSteps += _count - mine;
        if (_failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Called by the helper when it has nothing of its own to do: takes steps of the open slot, if any.
    /// True when it took at least one (look again soon: the next slot follows shortly).
    /// </summary>
    public bool TryHelp()
    {
        // A look without a locked write first: an idle helper calls this again and again.
        if (Volatile.Read(ref _open) == 0 || Volatile.Read(ref _next) >= Volatile.Read(ref _count))
        {
            return false;
        }

        Interlocked.Increment(ref _inside);
        try
        {
            // Looked at first, so a helper waiting on a slot with nothing left does not keep taking the
            // shared counter's cache line from the main thread.
            if (Volatile.Read(ref _open) == 0 || Volatile.Read(ref _next) >= _count)
            {
                return false;
            }

            return Take() > 0;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>True while a slot's steps are open to a helper.</summary>
    public bool IsOpen => Volatile.Read(ref _open) != 0;

    // Takes nodes until none are left; returns how many this thread stepped.
    private int Take()
    {
        int taken = 0;
        while (true)
        {
            int k = Interlocked.Increment(ref _next) - 1;
            if (k >= _count)
            {
                return taken;
            }

            try
            {
                _step(_due[k]);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }

            taken++;
            Interlocked.Increment(ref _finished);
        }
    }

    // A helper that saw the slot open may still be inside (finding nothing left to take): the next
    // slot's fields must not change under it.
    // Closing is a full fence as opening is: a helper says it is inside before it looks at _open, so
    // either it sees the slot closed or this sees it inside.
    private void Close()
    {
        Interlocked.Exchange(ref _open, 0);
        var wait = new SpinWait();
        while (Volatile.Read(ref _inside) != 0)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }
    }
}
