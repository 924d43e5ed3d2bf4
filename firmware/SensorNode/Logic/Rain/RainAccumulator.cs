using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.SensorNode.Rain;

/// <summary>
/// Tips per minute for the last 24 hours in a fixed 1,440-byte ring, with running sums for each
/// rolling window. Totals are exact: every tip lands in the minute of its own timestamp (not the
/// tick that noticed it), and a minute leaves each window exactly when the window slides past it.
/// Memory never grows with time. The ring is persisted (at most once a minute) so a reboot keeps the
/// totals; minutes that passed while the node was off are counted as dry. Flash sees the ring (1.5 KB)
/// rarely: a 36-byte minute record (written to two keys in turn), naming the ring it belongs to by the
/// ring's own minute, keeps the minute the ring is at and the tips of the ring's first
/// <see cref="RecentMinutes"/> minutes, and loading brings the ring forward to that minute with those
/// tips (the minutes after them were dry, or the ring would have been written again). The ring itself
/// is written only for a tip the minute record cannot carry. A record left over from an earlier ring is
/// ignored. A sensor in steady light rain used to rewrite and checksum the whole ring every minute,
/// then at every tip; now every 16 minutes.
/// </summary>
public sealed class RainAccumulator
{
    /// <summary>Minutes kept (24 hours).</summary>
    public const int RingMinutes = 1440;

    /// <summary>Minutes from the saved ring's own whose tips the minute record carries.</summary>
    public const int RecentMinutes = 16;

    private const string FlashKey = "rain";
    private const string MinuteKey = "rainmin";

    // The minute record goes to the two keys in turn: a write torn by a power cut leaves the other,
    // a minute older, so it costs at most a minute of tips, as the ring's own write would.
    private const string OtherMinuteKey = "rainmin2";
    private const int HeaderBytes = 16;
    private const int RecordBytes = HeaderBytes + RingMinutes + 4;
    private const int MinuteRecordBytes = 16 + RecentMinutes + 4;

    // The minute record of earlier firmware: the ring's minute and the minute it is at, no tips.
    private const int OldMinuteRecordBytes = 20;

    private readonly byte[] _tips = new byte[RingMinutes];
    private readonly int[] _sums = new int[RainWindows.Count];
    private readonly byte[] _record = new byte[RecordBytes];
    private readonly byte[] _minuteRecord = new byte[MinuteRecordBytes];
    private long _minute = -1;
    private long _ringSavedMinute = -1;
    private bool _ringDirty;
    private bool _minuteDirty;
    private bool _writeOtherMinuteKey;

    /// <summary>The minute (Unix minutes) the ring is at; -1 before the first use.</summary>
    public long CurrentMinute => _minute;

    /// <summary>Tips that did not fit their minute's byte (255 tips in a minute: instrument fault).</summary>
    public int SaturatedCount { get; private set; }

    /// <summary>Tips older than 24 h when they were noticed (dropped).</summary>
    public int LateCount { get; private set; }

    /// <summary>Tips counted in a window.</summary>
    public int Tips(int window) => _sums[window];

    /// <summary>Tips in one past minute (0 = the current minute), for the rate.</summary>
    public int TipsInMinute(int minutesAgo) => minutesAgo >= RingMinutes ? 0 : _tips[Slot(_minute - minutesAgo)];

    /// <summary>Moves the ring forward to <paramref name="minute"/>, expiring minutes that leave each window.</summary>
    public void AdvanceTo(long minute)
    {
        if (_minute < 0)
        {
            _minute = minute;
            return;
        }

        if (minute <= _minute)
        {
            return;
        }

        if (minute - _minute >= RingMinutes)
        {
            Clear(minute);
            return;
        }

        bool aged = false;
        while (_minute < minute)
        {
            long next = _minute + 1;
            for (int w = 0; w < RainWindows.Count; w++)
            {
                _sums[w] -= _tips[Slot(next - RainWindows.LengthMinutes(w))];
            }

            if (_tips[Slot(next)] != 0)
            {
                aged = true;
            }

            _tips[Slot(next)] = 0;
            _minute = next;
        }

        // With rain in the ring the minute is saved every minute: a board that restarts without
        // synchronized time resumes from the saved minute, so an old one would bring ended rain back.
        // A ring dry for a whole day saves nothing (a dry sensor used to rewrite 1.5 KB every minute).
        if (aged || _sums[RainWindows.DayHours] > 0)
        {
            _minuteDirty = true;
        }
    }

    /// <summary>Counts one tip in <paramref name="minute"/> (the current one or an earlier one).</summary>
    public void AddTip(long minute)
    {
        AdvanceTo(minute);
        long age = _minute - minute;
        if (age >= RingMinutes || age < 0)
        {
            LateCount++;
            return;
        }

        int slot = Slot(minute);
        if (_tips[slot] == 255)
        {
            SaturatedCount++;
            return;
        }

        _tips[slot]++;
        AddToWindows(age, 1);

        if (_ringSavedMinute >= 0 && minute >= _ringSavedMinute && minute < _ringSavedMinute + RecentMinutes)
        {
            _minuteDirty = true;
        }
        else
        {
            _ringDirty = true;
        }
    }

    /// <summary>
    /// Writes the ring if a tip the minute record cannot carry changed it since the last save, else the
    /// minute record if the minute moved or a tip it carries came; false if flash refused (the next call
    /// tries again). A ring flash refuses still gets its minute record over the ring flash holds, so a
    /// restart does not go back to that ring's minute and keeps the tips of its first minutes.
    /// </summary>
    public bool SaveIfChanged(IFlashStore flash)
    {
        bool ok = true;
        if (_ringDirty)
        {
            WriteMinute(_record, 0, _minute);
            for (int i = 8; i < HeaderBytes; i++)
            {
                _record[i] = 0;
            }

            System.Array.Copy(_tips, 0, _record, HeaderBytes, RingMinutes);
            WriteCrc(_record, HeaderBytes + RingMinutes);
            if (flash.Write(FlashKey, _record, RecordBytes))
            {
                _ringDirty = false;
                _minuteDirty = false;
                _ringSavedMinute = _minute;
                return true;
            }

            ok = false;
        }

        if (_minuteDirty && _ringSavedMinute >= 0)
        {
            WriteMinute(_minuteRecord, 0, _ringSavedMinute);
            WriteMinute(_minuteRecord, 8, _minute);
            for (int i = 0; i < RecentMinutes; i++)
            {
                long m = _ringSavedMinute + i;
                _minuteRecord[16 + i] = m <= _minute && _minute - m < RingMinutes ? _tips[Slot(m)] : (byte)0;
            }

            WriteCrc(_minuteRecord, 16 + RecentMinutes);
            bool written = flash.Write(_writeOtherMinuteKey ? OtherMinuteKey : MinuteKey, _minuteRecord, MinuteRecordBytes);
            _writeOtherMinuteKey ^= written;
            _minuteDirty = !written;
            ok = ok && written;
        }

        return ok;
    }

    /// <summary>
    /// Restores the ring saved before a reboot and brings it forward to <paramref name="nowMinute"/>
    /// (or leaves it at its saved minute when now is unknown, -1). False if nothing valid was stored.
    /// </summary>
    public bool Load(IFlashStore flash, long nowMinute)
    {
        byte[] data = flash.Read(FlashKey);
        if (data == null || data.Length != RecordBytes || Crc32.Compute(data, 0, HeaderBytes + RingMinutes) != ReadCrc(data, HeaderBytes + RingMinutes))
        {
            StartDry(flash, nowMinute);
            return false;
        }

        long saved = ReadMinute(data, 0);
        System.Array.Copy(data, HeaderBytes, _tips, 0, RingMinutes);
        _minute = saved;
        _ringSavedMinute = saved;
        for (int w = 0; w < RainWindows.Count; w++)
        {
            int sum = 0;
            for (int age = 0; age < RainWindows.LengthMinutes(w); age++)
            {
                sum += _tips[Slot(saved - age)];
            }

            _sums[w] = sum;
        }

        // The minute records move this ring forward over the dry minutes after its last tip, with the
        // tips of its first minutes; one written for another ring, older than it, or torn is ignored.
        // Both are taken, each tip count at its larger: a ring's counts only grow, so the larger is the
        // later whichever record (or the ring) holds it, even when a clock stepped back gave both the
        // same minute. The next write goes over the older record.
        byte[] first = MinuteRecordOf(flash.Read(MinuteKey), saved);
        byte[] second = MinuteRecordOf(flash.Read(OtherMinuteKey), saved);
        _writeOtherMinuteKey = first != null && (second == null || ReadMinute(second, 8) <= ReadMinute(first, 8));
        TakeMinuteRecord(first, saved);
        TakeMinuteRecord(second, saved);

        long found = _minute;
        if (nowMinute >= 0 && nowMinute < found)
        {
            // Time went backwards (clock reset); the ring's minutes cannot be placed. Start dry.
            StartDry(flash, nowMinute);
            return false;
        }

        if (nowMinute >= 0)
        {
            AdvanceTo(nowMinute);
        }

        // Flash catches up with a minute moved at boot (old rain may have just aged out, and a
        // restart without synchronized time must not find it again).
        _ringDirty = false;
        _minuteDirty = _minute != found;
        return true;
    }

    // A minute record (this firmware's or an earlier one's, without tips) of the ring saved at minute
    // ringMinute, not older than it and whole; else null.
    private static byte[] MinuteRecordOf(byte[] data, long ringMinute)
    {
        int crcAt = data == null ? 0 : data.Length == MinuteRecordBytes ? 16 + RecentMinutes : data.Length == OldMinuteRecordBytes ? 16 : 0;
        bool valid = crcAt > 0 && Crc32.Compute(data, 0, crcAt) == ReadCrc(data, crcAt) && ReadMinute(data, 0) == ringMinute && ReadMinute(data, 8) >= ringMinute;
        return valid ? data : null;
    }

    // An empty ring at the minute given, written at the next save; the minute records of the ring
    // being given up are deleted first, so they can never move a later ring.
    private void StartDry(IFlashStore flash, long minute)
    {
        flash.Delete(MinuteKey);
        flash.Delete(OtherMinuteKey);
        _ringSavedMinute = -1;
        Clear(minute);
    }

    // Moves the ring to a minute record's minute and raises the counts of the ring's first minutes to
    // the record's (null: nothing to take).
    private void TakeMinuteRecord(byte[] record, long ringMinute)
    {
        if (record == null)
        {
            return;
        }

        AdvanceTo(ReadMinute(record, 8));
        for (int i = 0; 16 + i + 4 < record.Length; i++)
        {
            RaiseTips(ringMinute + i, record[16 + i]);
        }
    }

    // Raises a past minute's count to at least the one given, keeping the window sums.
    private void RaiseTips(long minute, int tips)
    {
        long age = _minute - minute;
        int slot = Slot(minute);
        if (age < 0 || age >= RingMinutes || tips <= _tips[slot])
        {
            return;
        }

        AddToWindows(age, tips - _tips[slot]);
        _tips[slot] = (byte)tips;
    }

    // Adds tips counted in a minute <paramref name="age"/> minutes back to the windows that hold it.
    private void AddToWindows(long age, int tips)
    {
        for (int w = 0; w < RainWindows.Count; w++)
        {
            if (age < RainWindows.LengthMinutes(w))
            {
                _sums[w] += tips;
            }
        }
    }

    private void Clear(long minute)
    {
        for (int i = 0; i < RingMinutes; i++)
        {
            _tips[i] = 0;
        }

        for (int w = 0; w < RainWindows.Count; w++)
        {
            _sums[w] = 0;
        }

        _minute = minute;
        _ringDirty = true;
    }

    private static int Slot(long minute)
    {
        long s = minute % RingMinutes;
        return (int)(s < 0 ? s + RingMinutes : s);
    }

    private static void WriteMinute(byte[] record, int at, long minute) => LittleEndian.WriteUInt64(record, at, (ulong)minute);

    private static long ReadMinute(byte[] record, int at) => (long)LittleEndian.ReadUInt64(record, at);

    // The CRC of record[0..at) goes at record[at..at+4).
    private static void WriteCrc(byte[] record, int at) => LittleEndian.WriteUInt32(record, at, Crc32.Compute(record, 0, at));

    private static uint ReadCrc(byte[] data, int at) => LittleEndian.ReadUInt32(data, at);
}
