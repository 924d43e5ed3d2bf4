namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// Controller rounds as jobs: begun in their slot, run beside the nodes' steps (on the worker, or at
/// once on the main thread with <c>--serial</c>), and retired <see cref="Scenarios.TickSpec.ControllerMs"/>
/// later, when what they sent goes on the wire and what they told the run is taken in. A retired round
/// is the only way the controller's output reaches anything, so serial and parallel runs are the same.
/// </summary>
public sealed partial class DeterministicRun
{
    private readonly Queue<ControllerRound> _outstanding = new();
    private readonly RoundEffects _roundEffects = new();
    private long _roundsBegun;
    private Func<bool>? _roundRunning;

    /// <summary>Begins the controller's round of slot <paramref name="t"/> over what reached it since the last one.</summary>
    private void BeginRound(long t)
    {
        var round = new ControllerRound(t, _network.TakeControllerInbox());
        _roundsBegun++;
        _outstanding.Enqueue(round);
        if (_rounds != null)
        {
            _rounds.Begin(() => RunRound(round));
        }
        else
        {
            RunRound(round);
        }
    }

    // On the worker (or the main thread when serial): nothing else touches the controller meanwhile.
    private void RunRound(ControllerRound round)
    {
        _controllerTime.Set(_startUtcMs + round.SlotMs);
        _network.HoldControllerSends(round.Sends);
        _roundEffects.HoldInto(round.Effects);
        try
        {
            _network.DeliverToController(round.Inbound);
            _controller.Step();
        }
        finally
        {
            _roundEffects.StopHolding();
            _network.StopHoldingControllerSends();
        }
    }

    /// <summary>Retires every round whose answer is due by slot <paramref name="t"/>, oldest first.</summary>
    private void RetireDueRounds(long t)
    {
        while (_outstanding.TryPeek(out ControllerRound? round) && round.SlotMs + _scenario.Tick.ControllerMs <= t)
        {
            Retire();
        }
    }

    /// <summary>
    /// Retires every outstanding round at once, leaving the controller idle: before anything on the main
    /// thread reads or drives it (operator actions, faults, the duty room, samples) and at the end.
    /// </summary>
    private void RetireAllRounds()
    {
        while (_outstanding.Count > 0)
        {
            Retire();
        }

        _controllerTime.Set(_time.UtcMs);
    }

    private void Retire()
    {
        if (_rounds is { OldestDone: false })
        {
            // Rather than idle until the round ends, parse what the next round will take.
            _network.ParseControllerInbox(_roundRunning ??= () => !_rounds.OldestDone);
        }

        ControllerRound round = _outstanding.Dequeue();
        _rounds?.Wait();
        RoundEffects.Apply(round.Effects);
        _network.ReleaseControllerSends(round.Sends);
    }
}
