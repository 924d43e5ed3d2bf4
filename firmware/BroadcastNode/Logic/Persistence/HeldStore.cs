using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Persistence;

/// <summary>
/// What must survive a reboot besides the handled log: every broadcast the node holds (so after a
/// restart each gets a final result, and a live one from the controller may resume once if it is
/// still valid), and when each local rule last fired (so "at most once per interval" holds
/// across restarts). Written whenever the held set changes, never per tick.
/// </summary>
public sealed class HeldStore
{
    private const string FlashKey = "bnheld";
    private const int Version = 1;

    private readonly IFlashStore _flash;
    private readonly RecordCodec _codec = new RecordCodec(1024);

    /// <summary>Creates the store over <paramref name="flash"/>.</summary>
    public HeldStore(IFlashStore flash)
    {
        _flash = flash;
    }

    /// <summary>Writes to flash that failed since boot.</summary>
    public int SaveFailures { get; private set; }

    /// <summary>Saves the broadcasts held in <paramref name="slots"/> and the rules' last firing.</summary>
    public bool Save(Broadcast[] slots, long[] ruleFiredUtcMs)
    {
        RecordCodec c = _codec;
        c.BeginWrite();
        c.PutByte(Version);
        int n = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (!slots[i].IsFree)
            {
                n++;
            }
        }

        c.PutByte(n);
        for (int i = 0; i < slots.Length; i++)
        {
            Broadcast b = slots[i];
            if (!b.IsFree)
            {
                Write(c, b);
            }
        }

        c.PutByte(ruleFiredUtcMs.Length);
        for (int i = 0; i < ruleFiredUtcMs.Length; i++)
        {
            c.PutInt64(ruleFiredUtcMs[i]);
        }

        int length = c.Finish();
        if (length == 0 || !_flash.Write(FlashKey, c.Buffer, length))
        {
            SaveFailures++;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Restores held broadcasts into free <paramref name="slots"/> (status as saved) and the rules'
    /// last firing; returns how many broadcasts were restored, or -1 when the record was corrupt.
    /// </summary>
    public int Load(Broadcast[] slots, long[] ruleFiredUtcMs)
    {
        byte[] data = _flash.Read(FlashKey);
        if (data == null)
        {
            return 0;
        }

        RecordCodec c = _codec;
        if (!c.BeginRead(data) || c.GetByte() != Version)
        {
            return -1;
        }

        int n = c.GetByte();
        int restored = 0;
        for (int i = 0; i < n && c.Ok; i++)
        {
            Broadcast b = i < slots.Length ? slots[i] : null;
            if (b == null)
            {
                return -1;
            }

            Read(c, b);
            restored++;
        }

        int rules = c.GetByte();
        for (int i = 0; i < rules && c.Ok; i++)
        {
            long at = c.GetInt64();
            if (i < ruleFiredUtcMs.Length)
            {
                ruleFiredUtcMs[i] = at;
            }
        }

        return c.Ok ? restored : -1;
    }

    private static void Write(RecordCodec c, Broadcast b)
    {
        c.PutText(b.Id);
        c.PutInt64(b.Seq);
        c.PutByte(b.Kind);
        c.PutByte(b.Mode);
        c.PutByte(b.Level);
        c.PutText(b.Hazard);
        c.PutByte(b.Siren);
        c.PutInt32(b.SirenMs);
        c.PutByte(b.ClipCount);
        for (int i = 0; i < b.ClipCount; i++)
        {
            c.PutInt32(b.Clips[i]);
        }

        c.PutByte(b.Repeat);
        c.PutByte(b.ZoneMask);
        c.PutInt64(b.StartUtcMs);
        c.PutInt64(b.EndUtcMs);
        c.PutByte(b.ResumeCount);
        c.PutByte(b.Status);
        c.PutByte(b.Local ? 1 : 0);
        c.PutByte(b.Rule + 1);
    }

    private static void Read(RecordCodec c, Broadcast b)
    {
        b.Clear();
        b.Id = c.GetText();
        b.Seq = c.GetInt64();
        b.Kind = c.GetByte();
        b.Mode = c.GetByte();
        b.Level = c.GetByte();
        b.Hazard = c.GetText();
        b.Siren = c.GetByte();
        b.SirenMs = c.GetInt32();
        b.ClipCount = c.GetByte();
        for (int i = 0; i < b.ClipCount && i < Broadcast.MaxClips; i++)
        {
            b.Clips[i] = c.GetInt32();
        }

        b.Repeat = c.GetByte();
        b.ZoneMask = c.GetByte();
        b.StartUtcMs = c.GetInt64();
        b.EndUtcMs = c.GetInt64();
        b.ResumeCount = c.GetByte();
        b.Status = c.GetByte();
        b.Local = c.GetByte() != 0;
        b.Rule = c.GetByte() - 1;
        if (!c.Ok || b.Id == null || b.ClipCount > Broadcast.MaxClips)
        {
            b.Clear();
        }
    }
}
