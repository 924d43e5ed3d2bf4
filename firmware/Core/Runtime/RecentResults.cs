namespace Tocsin.Firmware.Runtime;

/// <summary>
/// The last few command results by command sequence number, so that a redelivered command
/// (QoS 1 resend, controller retry) is answered with its result again instead of acting twice.
/// </summary>
public sealed class RecentResults
{
    private readonly long[] _seq;
    private readonly string[] _id;
    private readonly string[] _kind;
    private readonly string[] _state;
    private readonly string[] _reason;
    private int _next;

    /// <summary>Creates a ring of <paramref name="capacity"/> results.</summary>
    public RecentResults(int capacity)
    {
        _seq = new long[capacity];
        _id = new string[capacity];
        _kind = new string[capacity];
        _state = new string[capacity];
        _reason = new string[capacity];
    }

    /// <summary>Records (or updates) the latest result of a command.</summary>
    public void Record(long seq, string id, string kind, string state, string reason)
    {
        int at = IndexOf(seq);
        if (at < 0)
        {
            at = _next;
            _next = (_next + 1) % _seq.Length;
        }

        _seq[at] = seq;
        _id[at] = id;
        _kind[at] = kind;
        _state[at] = state;
        _reason[at] = reason;
    }

    /// <summary>Index of a command's entry, or -1.</summary>
    public int IndexOf(long seq)
    {
        for (int i = 0; i < _seq.Length; i++)
        {
            if (_seq[i] == seq && seq != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Command id at an index.</summary>
    public string IdAt(int index) => _id[index];

    /// <summary>Command kind at an index.</summary>
    public string KindAt(int index) => _kind[index];

    /// <summary>Latest state at an index.</summary>
    public string StateAt(int index) => _state[index];

    /// <summary>Latest reason at an index (may be null).</summary>
    public string ReasonAt(int index) => _reason[index];
}
