using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.SensorNode;

/// <summary>
/// Puts monotonic timestamps into UTC minutes for the rain ring. With synchronized time a minute
/// is the real UTC minute, so totals stay right across reboots and outages. Without it (no SNTP
/// yet) minutes continue from the last saved minute as if no time had passed, and reports say
/// the time is unknown.
/// </summary>
public sealed class MinuteClock
{
    private readonly IClock _clock;
    private long _fallbackBaseMinute;
    private long _fallbackBaseMs;

    /// <summary>Creates a minute clock over <paramref name="clock"/>.</summary>
    public MinuteClock(IClock clock)
    {
        _clock = clock;
    }

    /// <summary>True while UTC is synchronized.</summary>
    public bool IsSynchronized => _clock.TryGetUtcMs(out long _);

    /// <summary>Continues from <paramref name="minute"/> at monotonic <paramref name="atMs"/> while unsynchronized.</summary>
    public void SetFallback(long minute, long atMs)
    {
        _fallbackBaseMinute = minute;
        _fallbackBaseMs = atMs;
    }

    /// <summary>The UTC minute of monotonic time <paramref name="atMs"/>, seen at monotonic <paramref name="nowMs"/>.</summary>
    public long MinuteOf(long atMs, long nowMs)
    {
        if (_clock.TryGetUtcMs(out long utcNow))
        {
            long utcAt = utcNow - (nowMs - atMs);
            return utcAt >= 0 ? utcAt / 60000 : ((utcAt + 1) / 60000) - 1;
        }

        return _fallbackBaseMinute + ((atMs - _fallbackBaseMs) / 60000);
    }
}
