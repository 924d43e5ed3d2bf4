namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// When each node steps next: a timing wheel of <see cref="ResolutionMs"/> slots, so ten thousand
/// nodes each stepping every second or two cost O(1) per step, not a scan or a heap operation.
/// A node is in at most one live slot; moving it earlier leaves a stale entry that is skipped.
/// </summary>
public sealed class NodeScheduler
{
    private readonly List<int>[] _slots;
    private readonly long[] _slotOf;
    private long _lastTaken = -1;

    /// <summary>Creates a wheel for <paramref name="nodes"/> nodes stepping at most <paramref name="horizonMs"/> apart.</summary>
    public NodeScheduler(int nodes, int resolutionMs, int horizonMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionMs);
        ResolutionMs = resolutionMs;
        _slots = new List<int>[(horizonMs / resolutionMs) + 2];
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i] = [];
        }

        _slotOf = new long[nodes];
        Array.Fill(_slotOf, -1);
    }

    /// <summary>Slot length, ms.</summary>
    public int ResolutionMs { get; }

    /// <summary>Schedules node <paramref name="index"/> at run time <paramref name="atMs"/> (rounded up to a slot), replacing any later schedule.</summary>
    public void At(int index, long atMs, long nowMs)
    {
        // A slot already taken this round is closed: the node steps in the next one.
        long slot = Math.Max((Math.Max(atMs, nowMs) + ResolutionMs - 1) / ResolutionMs, _lastTaken + 1);
        long current = _slotOf[index];
        if (current >= 0 && current <= slot && current >= nowMs / ResolutionMs)
        {
            return;
        }

        if (slot - (nowMs / ResolutionMs) >= _slots.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(atMs), "beyond the scheduler's horizon");
        }

        _slotOf[index] = slot;
        _slots[slot % _slots.Length].Add(index);
    }

    /// <summary>Takes the nodes due in the slot of <paramref name="nowMs"/>, in index order.</summary>
    public void TakeDue(long nowMs, List<int> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        long slot = nowMs / ResolutionMs;
        _lastTaken = slot;
        List<int> entries = _slots[slot % _slots.Length];
        due.Clear();
        foreach (int index in entries)
        {
            if (_slotOf[index] == slot)
            {
                _slotOf[index] = -1;
                due.Add(index);
            }
        }

        entries.Clear();
        due.Sort();
    }
}
