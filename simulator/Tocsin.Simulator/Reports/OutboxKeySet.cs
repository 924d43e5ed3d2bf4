using System.Collections;

namespace Tocsin.Simulator.Reports;

/// <summary>
/// A set of outbox keys (<see cref="NodeTally.Key"/>) kept as sorted runs of consecutive keys. A node's
/// messages arrive in sequence, so a day of them (thousands per node, millions per district) is a
/// run or two per epoch instead of a hash entry each; adding the next key extends the last run.
/// Enumerates in ascending order.
/// </summary>
public sealed class OutboxKeySet : IEnumerable<long>
{
    // Runs [Start, End), sorted and disjoint, never touching (touching runs are merged).
    private readonly List<(long Start, long End)> _runs = [];

    /// <summary>Keys held.</summary>
    public long Count { get; private set; }

    /// <summary>Runs of consecutive keys held (the set's size in memory).</summary>
    public int RunCount => _runs.Count;

    /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
    public bool Add(long key)
    {
        int last = _runs.Count - 1;
        if (last >= 0 && _runs[last].End == key)
        {
            // The common case: the message after the last one.
            _runs[last] = (_runs[last].Start, key + 1);
            Count++;
            return true;
        }

        int i = RunAtOrBefore(key);
        if (i >= 0 && key < _runs[i].End)
        {
            return false;
        }

        bool joinsBefore = i >= 0 && _runs[i].End == key;
        bool joinsAfter = i + 1 < _runs.Count && _runs[i + 1].Start == key + 1;
        if (joinsBefore && joinsAfter)
        {
            _runs[i] = (_runs[i].Start, _runs[i + 1].End);
            _runs.RemoveAt(i + 1);
        }
        else if (joinsBefore)
        {
            _runs[i] = (_runs[i].Start, key + 1);
        }
        else if (joinsAfter)
        {
            _runs[i + 1] = (key, _runs[i + 1].End);
        }
        else
        {
            _runs.Insert(i + 1, (key, key + 1));
        }

        Count++;
        return true;
    }

    /// <summary>True when <paramref name="key"/> is held.</summary>
    public bool Contains(long key)
    {
        int i = RunAtOrBefore(key);
        return i >= 0 && key < _runs[i].End;
    }

    /// <inheritdoc />
    public IEnumerator<long> GetEnumerator()
    {
        foreach ((long start, long end) in _runs)
        {
            for (long key = start; key < end; key++)
            {
                yield return key;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The last run starting at or before key, or -1.
    private int RunAtOrBefore(long key)
    {
        int lo = 0;
        int hi = _runs.Count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (_runs[mid].Start <= key)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
