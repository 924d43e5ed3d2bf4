using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// Runs the controller's rounds on a thread of their own, in the order they were begun, while the
/// main thread steps the nodes and collects their traffic, so a 2-core machine does both at once.
/// Rounds run in the order begun and <see cref="Wait"/> returns them oldest first (the run keeps one
/// outstanding at a time, retired in its slot or <see cref="Scenarios.TickSpec.ControllerMs"/> later).
/// Nothing is shared while a round runs: it takes the messages delivered before its slot, what it
/// sends and tells the run is held in its own lists (<see cref="ControllerRound"/>), and the run
/// touches the controller only once every round is retired. So the order of events, and every
/// report, is the same as with rounds on the main thread.
/// Between rounds the thread helps the main thread step the nodes of its slot (<see cref="SharedSlotSteps"/>),
/// which cannot change a run either. It waits for work spinning for <see cref="SpinMicroseconds"/>, as
/// slots follow each other faster than a sleeping thread wakes, then sleeps until woken.
/// </summary>
public sealed class ControllerRoundWorker : IDisposable
{
    private readonly Thread _thread;
    private readonly ConcurrentQueue<Action> _rounds = new();
    private readonly ConcurrentQueue<Exception?> _results = new();
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly SemaphoreSlim _done = new(0);
    private readonly SharedSlotSteps? _steps;
    private int _outstanding;
    private volatile bool _stopping;
    private int _sleeping;
    private long _busyTicks;

    /// <summary>How long the thread looks for work before it sleeps.</summary>
    public const int SpinMicroseconds = 200;

    /// <summary>Starts the worker thread (idle until <see cref="Begin"/>); between rounds it helps with <paramref name="steps"/>, if given.</summary>
    public ControllerRoundWorker(SharedSlotSteps? steps = null)
    {
        _steps = steps;
        if (steps != null)
        {
            steps.WakeHelper = Nudge;
        }

        _thread = new Thread(Loop) { IsBackground = true, Name = "controller rounds" };
        _thread.Start();
    }

    /// <summary>Time spent in rounds, seconds (on the worker's thread, beside the main thread's work).</summary>
    public double BusySeconds => Interlocked.Read(ref _busyTicks) / (double)Stopwatch.Frequency;

    /// <summary>Rounds begun and not yet waited for.</summary>
    public int Outstanding => _outstanding;

    /// <summary>True when <see cref="Wait"/> would return at once: no round outstanding, or the oldest has ended.</summary>
    public bool OldestDone => _outstanding == 0 || _done.CurrentCount > 0;

    /// <summary>Queues <paramref name="round"/>; it runs after every round begun before it.</summary>
    public void Begin(Action round)
    {
        ArgumentNullException.ThrowIfNull(round);
        ObjectDisposedException.ThrowIf(_stopping, this);
        _outstanding++;
        _rounds.Enqueue(round);
        _wake.Set();
    }

    /// <summary>Wakes the thread if it sleeps, to help with the slot's steps just opened (called by <see cref="SharedSlotSteps"/>).</summary>
    public void Nudge()
    {
        if (Volatile.Read(ref _sleeping) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Waits for the oldest round not yet waited for; rethrows what it threw.</summary>
    public void Wait()
    {
        if (_outstanding == 0)
        {
            return;
        }

        _done.Wait();
        _outstanding--;
        _results.TryDequeue(out Exception? failure);
        if (failure != null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Stops the thread (after the rounds already begun).</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        while (_outstanding > 0)
        {
            _done.Wait();
            _outstanding--;
        }

        _stopping = true;
        _wake.Set();
        _thread.Join();
        _wake.Dispose();
        _done.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            if (_rounds.TryDequeue(out Action? round))
            {
                RunRound(round);
                continue;
            }

            if (_stopping)
            {
                return;
            }

            if (LookForWork())
            {
                continue;
            }

            // Said (with a full fence) and reset before looking again, so a round begun or a slot opened
            // after the look still wakes it.
            Interlocked.Exchange(ref _sleeping, 1);
            _wake.Reset();
            if (_rounds.IsEmpty && !_stopping && _steps?.IsOpen != true)
            {
                _wake.Wait();
            }

            Volatile.Write(ref _sleeping, 0);
        }
    }

    // Spins a while for a round or a slot's steps; true when it found either. While a slot is open with
    // nothing left to take (the main thread finishing its last steps) the next slot is a moment away:
    // the spin starts over instead of backing off to yielding the processor.
    private bool LookForWork()
    {
        long until = Stopwatch.GetTimestamp() + (SpinMicroseconds * Stopwatch.Frequency / 1_000_000);
        var spin = new SpinWait();
        do
        {
            if (!_rounds.IsEmpty || _stopping)
            {
                return true;
            }

            if (_steps != null)
            {
                if (_steps.TryHelp())
                {
                    return true;
                }

                if (_steps.IsOpen)
                {
                    spin.Reset();
                }
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }
        while (Stopwatch.GetTimestamp() < until);
        return false;
    }

    private void RunRound(Action round)
    {
        long began = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            round();
        }
        catch (Exception e)
        {
            // Handed to the main thread, which rethrows it with its own stack.
            failure = e;
        }

        Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - began);
        _results.Enqueue(failure);
        _done.Release();
    }
}
