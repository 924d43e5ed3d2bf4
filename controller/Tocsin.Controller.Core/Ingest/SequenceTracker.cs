namespace Tocsin.Controller.Ingest;

/// <summary>
/// Duplicate and gap detection for one node's outbox messages, keyed by (epoch, seq). Tracks the
/// contiguous prefix of settled numbers (the cumulative <c>upto</c> to acknowledge), the numbers
/// received above it, and gaps: a number below the node's <c>floor</c> that never arrived is gone for
/// good (its outbox evicted it), so it is recorded as lost instead of waited for. A new epoch (the
/// node's flash was wiped) resets everything. Not thread-safe: one tracker per node, used by one
/// ingest path at a time.
/// </summary>
public sealed class SequenceTracker
{
    /// <summary>Most out-of-order numbers held above the prefix; past it the oldest hole is recorded lost.</summary>
    public const int MaxPending = 4096;

    /// <summary>Most lost ranges kept in detail (<see cref="LostCount"/> keeps counting).</summary>
    public const int MaxLostRanges = 256;

    /// <summary>Most retired epochs remembered.</summary>
    public const int MaxRetiredEpochs = 8;

    private readonly SortedSet<long> _pending = [];
    private readonly List<SequenceRange> _lost = [];
    private readonly List<long> _retired = [];

    /// <summary>The tracked epoch, or null before the first message.</summary>
    public long? Epoch { get; private set; }

    /// <summary>Every number up to this is stored or recorded lost; the cumulative acknowledgement.</summary>
    public long Upto { get; private set; }

    /// <summary>Numbers recorded lost in this epoch.</summary>
    public long LostCount { get; private set; }

    /// <summary>Recorded gaps in this epoch, ascending.</summary>
    public IReadOnlyList<SequenceRange> LostRanges => _lost;

    /// <summary>The highest number received in this epoch (0 when none).</summary>
    public long HighestReceived => _pending.Count > 0 ? _pending.Max : Upto;

    /// <summary>Holes the node may still fill: missing numbers between the prefix and the highest received.</summary>
    public IReadOnlyList<SequenceRange> OpenGaps
    {
        get
        {
            var gaps = new List<SequenceRange>();
            long expected = Upto + 1;
            foreach (long s in _pending)
            {
                if (s > expected)
                {
                    gaps.Add(new SequenceRange(expected, s - 1));
                }

                expected = s + 1;
            }

            return gaps;
        }
    }

    /// <summary>Restores a tracker from <see cref="Export"/>.</summary>
    public static SequenceTracker FromSnapshot(SequenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var t = new SequenceTracker { Epoch = snapshot.Epoch, Upto = snapshot.Upto, LostCount = snapshot.LostCount };
        foreach (long s in snapshot.Pending.Where(s => s > snapshot.Upto))
        {
            t._pending.Add(s);
        }

        t._lost.AddRange(snapshot.Lost);
        t._retired.AddRange(snapshot.RetiredEpochs);
        return t;
    }

    /// <summary>The whole state as plain data.</summary>
    public SequenceSnapshot Export() => new(Epoch, Upto, _pending.ToList(), _lost.ToList(), LostCount, _retired.ToList());

    /// <summary>Judges one message by its header.</summary>
    public SequenceAcceptance Accept(OutboxHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Accept(header.Epoch, header.Floor, header.Seq);
    }

    /// <summary>Judges message <paramref name="seq"/> of <paramref name="epoch"/>, which said the node still holds everything from <paramref name="floor"/>.</summary>
    public SequenceAcceptance Accept(long epoch, long floor, long seq)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1);
        bool changed = false;
        if (Epoch != epoch)
        {
            if (_retired.Contains(epoch))
            {
                return new SequenceAcceptance(SequenceOutcome.StaleEpoch, Epoch ?? epoch, Upto, [], false, false);
            }

            changed = Epoch != null;
            Reset(epoch);
        }

        bool recovered = false;
        SequenceOutcome outcome;
        if (seq <= Upto)
        {
            recovered = Unlose(seq);
            outcome = recovered ? SequenceOutcome.New : SequenceOutcome.Duplicate;
        }
        else
        {
            outcome = _pending.Add(seq) ? SequenceOutcome.New : SequenceOutcome.Duplicate;
        }

        var newlyLost = new List<SequenceRange>();
        // floor ≤ seq on the wire; clamp so a bad floor cannot settle numbers beyond this message.
        SettleBelow(Math.Min(floor, seq), newlyLost);
        Advance();
        while (_pending.Count > MaxPending)
        {
            SettleBelow(_pending.Min, newlyLost);
            Advance();
        }

        return new SequenceAcceptance(outcome, epoch, Upto, newlyLost, changed, recovered);
    }

    private void Reset(long epoch)
    {
        if (Epoch is long old)
        {
            _retired.Remove(old);
            _retired.Add(old);
            if (_retired.Count > MaxRetiredEpochs)
            {
                _retired.RemoveAt(0);
            }
        }

        Epoch = epoch;
        Upto = 0;
        LostCount = 0;
        _pending.Clear();
        _lost.Clear();
    }

    // Every number below `floor` not received is lost: record the holes and move the prefix up to floor - 1.
    private void SettleBelow(long floor, List<SequenceRange> newlyLost)
    {
        if (floor - 1 <= Upto)
        {
            return;
        }

        long expected = Upto + 1;
        foreach (long s in _pending.Where(s => s < floor).ToList())
        {
            if (s > expected)
            {
                RecordLost(new SequenceRange(expected, s - 1), newlyLost);
            }

            expected = s + 1;
            _pending.Remove(s);
        }

        if (expected <= floor - 1)
        {
            RecordLost(new SequenceRange(expected, floor - 1), newlyLost);
        }

        Upto = floor - 1;
    }

    private void Advance()
    {
        while (_pending.Count > 0 && _pending.Min == Upto + 1)
        {
            _pending.Remove(Upto + 1);
            Upto++;
        }
    }

    private void RecordLost(SequenceRange range, List<SequenceRange> newlyLost)
    {
        newlyLost.Add(range);
        LostCount += range.Count;
        _lost.Add(range);
        if (_lost.Count > MaxLostRanges)
        {
            _lost.RemoveAt(0);
        }
    }

    // A number recorded lost arrived after all (it was in flight when the node evicted it).
    private bool Unlose(long seq)
    {
        int i = _lost.FindIndex(r => r.Contains(seq));
        if (i < 0)
        {
            return false;
        }

        SequenceRange r = _lost[i];
        _lost.RemoveAt(i);
        if (seq < r.Last)
        {
            _lost.Insert(i, new SequenceRange(seq + 1, r.Last));
        }

        if (seq > r.First)
        {
            _lost.Insert(i, new SequenceRange(r.First, seq - 1));
        }

        LostCount--;
        return true;
    }
}
