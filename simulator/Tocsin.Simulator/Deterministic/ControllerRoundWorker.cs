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
/// </summary>
public sealed class ControllerRoundWorker : IDisposable
{
    private readonly Thread _thread;
    private readonly ConcurrentQueue<Action> _rounds = new();
    private readonly ConcurrentQueue<Exception?> _results = new();
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private int _outstanding;
    private bool _stopping;
    private long _busyTicks;

    /// <summary>Starts the worker thread (idle until <see cref="Begin"/>).</summary>
    public ControllerRoundWorker()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "controller rounds" };
        _thread.Start();
    }

    /// <summary>Time spent in rounds, seconds (on the worker's thread, beside the main thread's work).</summary>
    public double BusySeconds => Interlocked.Read(ref _busyTicks) / (double)Stopwatch.Frequency;

    /// <summary>Rounds begun and not yet waited for.</summary>
    public int Outstanding => _outstanding;

    /// <summary>Queues <paramref name="round"/>; it runs after every round begun before it.</summary>
    public void Begin(Action round)
    {
        ArgumentNullException.ThrowIfNull(round);
        ObjectDisposedException.ThrowIf(_stopping, this);
        _outstanding++;
        _rounds.Enqueue(round);
        _start.Release();
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
        _start.Release();
        _thread.Join();
        _start.Dispose();
        _done.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            if (!_rounds.TryDequeue(out Action? round))
            {
                return;
            }

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
}
