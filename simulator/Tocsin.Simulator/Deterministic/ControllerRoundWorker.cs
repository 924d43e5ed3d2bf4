using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// Runs the controller's rounds on a thread of their own while the main thread steps the nodes of the
/// same slot and collects their traffic, so a 2-core machine does both at once. Nothing is shared
/// while a round runs: the controller only takes what the network delivered before the slot's steps,
/// the network holds what it sends until the nodes' traffic of the slot has been collected, and what
/// it tells the run's bookkeeping (commits, warnings) waits in <see cref="RoundEffects"/> until the
/// round is over. So the order of events, and every report, is the same as with rounds on the main thread.
/// </summary>
public sealed class ControllerRoundWorker : IDisposable
{
    private readonly Thread _thread;
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private Action? _round;
    private Exception? _failure;
    private bool _stopping;
    private bool _running;
    private long _busyTicks;

    /// <summary>Starts the worker thread (idle until <see cref="Begin"/>).</summary>
    public ControllerRoundWorker()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "controller rounds" };
        _thread.Start();
    }

    /// <summary>Time spent in rounds, seconds (on the worker's thread, beside the main thread's work).</summary>
    public double BusySeconds => Interlocked.Read(ref _busyTicks) / (double)Stopwatch.Frequency;

    /// <summary>Starts <paramref name="round"/> on the worker; call <see cref="Wait"/> before starting another.</summary>
    public void Begin(Action round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (_running)
        {
            throw new InvalidOperationException("a round is already running");
        }

        _running = true;
        _round = round;
        _start.Release();
    }

    /// <summary>Waits for the round begun last; rethrows what it threw.</summary>
    public void Wait()
    {
        if (!_running)
        {
            return;
        }

        _done.Wait();
        _running = false;
        Exception? failure = _failure;
        _failure = null;
        if (failure != null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Stops the thread (after the running round, if any).</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        if (_running)
        {
            _done.Wait();
            _running = false;
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
            if (_stopping)
            {
                return;
            }

            long began = Stopwatch.GetTimestamp();
            try
            {
                _round!();
            }
            catch (Exception e)
            {
                // Handed to the main thread, which rethrows it with its own stack.
                _failure = e;
            }

            Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - began);
            _done.Release();
        }
    }
}
