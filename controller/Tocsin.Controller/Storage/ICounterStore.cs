namespace Tocsin.Controller.Storage;

/// <summary>Named counters that only go up, advanced atomically (for numbers that must never be reused).</summary>
public interface ICounterStore
{
    /// <summary>Adds <paramref name="amount"/> to the counter (absent counts as 0) and returns its new value, durably committed.</summary>
    long Advance(string name, long amount);
}
