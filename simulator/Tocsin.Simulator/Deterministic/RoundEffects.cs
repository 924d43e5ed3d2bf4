namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// What a controller round tells the run (messages committed, warnings for the timeline), held while
/// the round runs and taken in on the main thread after it, once the slot's node traffic has been
/// collected. The round may then run beside the collection, which touches the same bookkeeping, and
/// the run is the same whether the round runs on its own thread or on the main one. Outside rounds
/// (the controller starting, stopping, or acting on a scenario's operator action) effects apply at once.
/// </summary>
public sealed class RoundEffects
{
    private readonly List<Action> _held = [];
    private bool _deferring;

    /// <summary>From now until <see cref="Apply"/>, effects are held (main thread, before the round starts).</summary>
    public void Defer() => _deferring = true;

    /// <summary>Runs <paramref name="effect"/>, or holds it while a round runs (on the round's thread).</summary>
    public void Run(Action effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        if (_deferring)
        {
            _held.Add(effect);
        }
        else
        {
            effect();
        }
    }

    /// <summary>Runs what was held, in order, and stops holding (main thread, after the round).</summary>
    public void Apply()
    {
        _deferring = false;
        foreach (Action effect in _held)
        {
            effect();
        }

        _held.Clear();
    }
}
