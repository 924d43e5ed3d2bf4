namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// What a controller round tells the run (messages committed, warnings for the timeline), held in the
/// round's own list while it runs and taken in on the main thread when the round is retired, once
/// the node traffic of its slot has been collected. The round may then run beside the collection,
/// which touches the same bookkeeping, and the run is the same whether the round runs on its own
/// thread or on the main one. Outside rounds (the controller starting, stopping, or acting on a
/// scenario's operator action, which the run does only with no round outstanding) effects apply at once.
/// </summary>
public sealed class RoundEffects
{
    private List<Action>? _into;

    /// <summary>From now until <see cref="StopHolding"/>, effects go into <paramref name="into"/> (on the round's thread, as it starts).</summary>
    public void HoldInto(List<Action> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        _into = into;
    }

    /// <summary>Effects apply at once again (on the round's thread, as it ends).</summary>
    public void StopHolding() => _into = null;

    /// <summary>Runs <paramref name="effect"/>, or holds it while a round runs.</summary>
    public void Run(Action effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        if (_into is { } into)
        {
            into.Add(effect);
        }
        else
        {
            effect();
        }
    }

    /// <summary>Runs what a round held, in order (main thread, when the round is retired).</summary>
    public static void Apply(List<Action> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        foreach (Action effect in held)
        {
            effect();
        }

        held.Clear();
    }
}
