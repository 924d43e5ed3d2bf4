using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Security;

/// <summary>
/// Sliding window over the controller's command sequence numbers (as IPsec's anti-replay window):
/// the highest number accepted plus a 64-bit map of the 64 below it, so commands that overtake each
/// other on the way (QoS 1 resends, per-community and per-node topics) are still accepted once and
/// only once. It is written to flash before a command acts, so a reboot cannot reopen it.
/// </summary>
public sealed class ReplayWindow
{
    /// <summary>How far below the highest accepted number a late command may still arrive.</summary>
    public const int WindowSize = 64;

    private const string FlashKey = "replay";
    private const int RecordBytes = 20;
    private readonly IFlashStore _flash;
    private readonly byte[] _record = new byte[RecordBytes];
    private long _highest;
    private ulong _seen;

    /// <summary>Creates a window persisted in <paramref name="flash"/>; call <see cref="Load"/> at boot.</summary>
    public ReplayWindow(IFlashStore flash)
    {
        _flash = flash;
    }

    /// <summary>Highest sequence number accepted so far (0 before any).</summary>
    public long Highest => _highest;

    /// <summary>
    /// Restores the window. A missing record starts empty. A corrupt one also starts empty but
    /// returns false so the node raises a fault: replays are then still stopped by command expiry
    /// against trusted time, which is why live commands need trusted time.
    /// </summary>
    public bool Load()
    {
        byte[] data = _flash.Read(FlashKey);
        _highest = 0;
        _seen = 0;
        if (data == null)
        {
            return true;
        }

        if (data.Length != RecordBytes || Crc32.Compute(data, 0, 16) != LittleEndian.ReadUInt32(data, 16))
        {
            return false;
        }

        _highest = (long)LittleEndian.ReadUInt64(data, 0);
        _seen = LittleEndian.ReadUInt64(data, 8);
        return true;
    }

    /// <summary>Checks a number without changing anything.</summary>
    public ReplayCheck Check(long seq)
    {
        if (seq <= 0)
        {
            return ReplayCheck.TooOld;
        }

        if (seq > _highest)
        {
            return ReplayCheck.Fresh;
        }

        long behind = _highest - seq;
        if (behind >= WindowSize)
        {
            return ReplayCheck.TooOld;
        }

        return (_seen & (1UL << (int)behind)) != 0 ? ReplayCheck.Seen : ReplayCheck.Fresh;
    }

    /// <summary>
    /// Marks a fresh number as used and persists the window; false if it was not fresh or flash
    /// refused the write (the caller then must not act: fail closed).
    /// </summary>
    public bool Accept(long seq)
    {
        if (Check(seq) != ReplayCheck.Fresh)
        {
            return false;
        }

        long oldHighest = _highest;
        ulong oldSeen = _seen;
        if (seq > _highest)
        {
            long shift = seq - _highest;
            _seen = shift >= WindowSize ? 0 : _seen << (int)shift;
            _seen |= 1UL;
            _highest = seq;
        }
        else
        {
            _seen |= 1UL << (int)(_highest - seq);
        }

        if (!Persist())
        {
            _highest = oldHighest;
            _seen = oldSeen;
            return false;
        }

        return true;
    }

    private bool Persist()
    {
        LittleEndian.WriteUInt64(_record, 0, (ulong)_highest);
        LittleEndian.WriteUInt64(_record, 8, _seen);
        LittleEndian.WriteUInt32(_record, 16, Crc32.Compute(_record, 0, 16));
        return _flash.Write(FlashKey, _record, RecordBytes);
    }
}
