namespace Tocsin.Firmware.Delivery;

/// <summary>
/// What the outbox keeps in RAM per flash slot: the sequence number it holds (0 = free) and its
/// stream. Scans are linear: a node has tens to hundreds of slots, and this keeps RAM at nine bytes a
/// slot with no index to keep in step. Held messages fill the lowest free slots, so a scan stops once
/// it has seen all of them (<see cref="Held"/>) rather than reading the rest of the table.
/// </summary>
public sealed class OutboxSlotTable
{
    private readonly long[] _seq;
    private readonly byte[] _stream;
    private int _held;

    /// <summary>Creates a table of <paramref name="capacity"/> free slots.</summary>
    public OutboxSlotTable(int capacity)
    {
        _seq = new long[capacity];
        _stream = new byte[capacity];
    }

    /// <summary>Slots in all.</summary>
    public int Capacity => _seq.Length;

    /// <summary>Slots holding a message.</summary>
    public int Held => _held;

    /// <summary>The sequence number held in <paramref name="slot"/>, 0 when free.</summary>
    public long SeqAt(int slot) => _seq[slot];

    /// <summary>The stream of the message in <paramref name="slot"/>.</summary>
    public int StreamAt(int slot) => _stream[slot];

    /// <summary>Marks <paramref name="slot"/> as holding message <paramref name="seq"/> of <paramref name="stream"/>.</summary>
    public void Set(int slot, long seq, int stream)
    {
        _held += (_seq[slot] == 0 ? 1 : 0) - (seq == 0 ? 1 : 0);
        _seq[slot] = seq;
        _stream[slot] = (byte)stream;
    }

    /// <summary>Marks <paramref name="slot"/> free.</summary>
    public void Clear(int slot)
    {
        if (_seq[slot] != 0)
        {
            _held--;
            _seq[slot] = 0;
        }
    }

    /// <summary>The flash key of <paramref name="slot"/>. Built each time rather than kept: tens of cached strings would cost more heap than the garbage they save.</summary>
    public static string Key(int slot) => "ob" + slot.ToString();

    /// <summary>The first free slot, or -1.</summary>
    public int FindFree()
    {
        for (int slot = 0; slot < _seq.Length; slot++)
        {
            if (_seq[slot] == 0)
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>The slot with the lowest sequence number above <paramref name="above"/>, or -1.</summary>
    public int FindMinAbove(long above)
    {
        int best = -1;
        long bestSeq = long.MaxValue;
        int unseen = _held;
        for (int slot = 0; slot < _seq.Length && unseen > 0; slot++)
        {
            long seq = _seq[slot];
            if (seq == 0)
            {
                continue;
            }

            unseen--;
            if (seq > above && seq < bestSeq)
            {
                bestSeq = seq;
                best = slot;
            }
        }

        return best;
    }

    /// <summary>Slots holding a sequence number from 1 to <paramref name="seqLimit"/>.</summary>
    public int CountAtOrBelow(long seqLimit)
    {
        if (seqLimit <= 0)
        {
            return 0;
        }

        int n = 0;
        int unseen = _held;
        for (int slot = 0; slot < _seq.Length && unseen > 0; slot++)
        {
            long seq = _seq[slot];
            if (seq == 0)
            {
                continue;
            }

            unseen--;
            if (seq <= seqLimit)
            {
                n++;
            }
        }

        return n;
    }
}
