using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Persistence;

/// <summary>
/// The broadcasts this node has finished with — played, failed, cancelled, expired, or named by a
/// cancel before they arrived — newest last, kept in flash. A broadcast id found here never sounds
/// again, whatever sequence number a later command carries: a controller resend after its own
/// restart, a reconnect, or a reboot cannot re-sound an old warning (the replay window alone only
/// stops the same command). Also what the console's <c>last</c> lists.
/// </summary>
public sealed class HandledLog
{
    /// <summary>Entries kept.</summary>
    public const int Capacity = 16;

    private const string FlashKey = "bnlog";
    private const int Version = 1;

    private readonly IFlashStore _flash;
    private readonly RecordCodec _codec = new RecordCodec(Capacity * 80);
    private readonly string[] _id = new string[Capacity];
    private readonly long[] _seq = new long[Capacity];
    private readonly int[] _kind = new int[Capacity];
    private readonly int[] _mode = new int[Capacity];
    private readonly int[] _state = new int[Capacity];
    private readonly int[] _reason = new int[Capacity];
    private readonly long[] _atUtcMs = new long[Capacity];
    private int _next;

    /// <summary>Creates the log over <paramref name="flash"/>; call <see cref="Load"/> at boot.</summary>
    public HandledLog(IFlashStore flash)
    {
        _flash = flash;
    }

    /// <summary>Entries held.</summary>
    public int Count { get; private set; }

    /// <summary>Writes to flash that failed since boot.</summary>
    public int SaveFailures { get; private set; }

    /// <summary>Restores the log; false when a record existed but was corrupt (it starts empty then).</summary>
    public bool Load()
    {
        Count = 0;
        _next = 0;
        byte[] data = _flash.Read(FlashKey);
        if (data == null)
        {
            return true;
        }

        RecordCodec c = _codec;
        if (!c.BeginRead(data) || c.GetByte() != Version)
        {
            return false;
        }

        int n = c.GetByte();
        for (int i = 0; i < n && i < Capacity && c.Ok; i++)
        {
            string id = c.GetText();
            long seq = c.GetInt64();
            int kind = c.GetByte();
            int mode = c.GetByte();
            int state = c.GetByte();
            int reason = c.GetByte();
            long at = c.GetInt64();
            if (c.Ok && id != null)
            {
                Put(id, seq, kind, mode, state, reason, at);
            }
        }

        return c.Ok;
    }

    /// <summary>The newest entry for <paramref name="id"/> as an index for the accessors, or -1.</summary>
    public int Find(string id)
    {
        for (int k = 0; k < Count; k++)
        {
            int i = IndexNewest(k);
            if (_id[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Records a finished broadcast and saves the log (false if flash refused).</summary>
    public bool Add(string id, long seq, int kind, int mode, int state, int reasonCode, long atUtcMs)
    {
        Put(id, seq, kind, mode, state, reasonCode, atUtcMs);
        return Save();
    }

    /// <summary>Index of the <paramref name="k"/>-th newest entry (0 = newest).</summary>
    public int IndexNewest(int k) => (_next - 1 - k + (2 * Capacity)) % Capacity;

    /// <summary>Broadcast id at an index.</summary>
    public string IdAt(int index) => _id[index];

    /// <summary>Command sequence at an index.</summary>
    public long SeqAt(int index) => _seq[index];

    /// <summary>Kind (<see cref="Scheduling.BroadcastKind"/>) at an index.</summary>
    public int KindAt(int index) => _kind[index];

    /// <summary>Mode at an index.</summary>
    public int ModeAt(int index) => _mode[index];

    /// <summary>Final state (<see cref="Scheduling.BroadcastState"/>) at an index.</summary>
    public int StateAt(int index) => _state[index];

    /// <summary>Reason code (<see cref="Scheduling.BroadcastReason"/>) at an index.</summary>
    public int ReasonAt(int index) => _reason[index];

    /// <summary>When it finished (UTC ms, 0 without trusted time) at an index.</summary>
    public long AtUtcMsAt(int index) => _atUtcMs[index];

    private void Put(string id, long seq, int kind, int mode, int state, int reason, long at)
    {
        _id[_next] = id;
        _seq[_next] = seq;
        _kind[_next] = kind;
        _mode[_next] = mode;
        _state[_next] = state;
        _reason[_next] = reason;
        _atUtcMs[_next] = at;
        _next = (_next + 1) % Capacity;
        if (Count < Capacity)
        {
            Count++;
        }
    }

    private bool Save()
    {
        RecordCodec c = _codec;
        c.BeginWrite();
        c.PutByte(Version);
        c.PutByte(Count);
        for (int k = Count - 1; k >= 0; k--)
        {
            int i = IndexNewest(k);
            c.PutText(_id[i]);
            c.PutInt64(_seq[i]);
            c.PutByte(_kind[i]);
            c.PutByte(_mode[i] & 0xFF);
            c.PutByte(_state[i]);
            c.PutByte(_reason[i]);
            c.PutInt64(_atUtcMs[i]);
        }

        int length = c.Finish();
        if (length == 0 || !_flash.Write(FlashKey, c.Buffer, length))
        {
            SaveFailures++;
            return false;
        }

        return true;
    }
}
