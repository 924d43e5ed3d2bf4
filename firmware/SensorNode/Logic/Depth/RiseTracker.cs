namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// Rate of rise in mm per 10 minutes: the accepted depth remembered once a minute for the last
/// eleven minutes, compared end to end (or over the longest known span of at least five minutes).
/// Water at an underpass can peak within 20 minutes, so this rate, not only the depth, drives fast
/// reporting.
/// </summary>
public sealed class RiseTracker
{
    private const int Minutes = 11;

    // The shortest span a rise is scaled up from: one reading every 5 minutes (depth.quiet_reading_s's
    // largest value) still leaves one in it.
    private const int OldestStandIn = 5;
    private readonly int[] _depthMm = new int[Minutes];
    private readonly bool[] _known = new bool[Minutes];
    private long _lastMinute = long.MinValue;

    /// <summary>The minute of the latest depth recorded (long.MinValue before the first).</summary>
    public long LatestMinute => _lastMinute;

    /// <summary>Records the depth for <paramref name="minute"/> (the latest value within a minute wins).</summary>
    public void Record(long minute, int depthMm)
    {
        if (_lastMinute != long.MinValue && minute > _lastMinute)
        {
            long gap = minute - _lastMinute;
            for (long m = 1; m <= gap && m <= Minutes; m++)
            {
                _known[Slot(_lastMinute + m)] = false;
            }
        }

        if (minute >= _lastMinute || _lastMinute == long.MinValue)
        {
            _lastMinute = minute;
        }

        _depthMm[Slot(minute)] = depthMm;
        _known[Slot(minute)] = true;
    }

    /// <summary>
    /// Depth now minus depth ten minutes ago. When readings are minutes apart (quiet weather) that minute
    /// may have none: the oldest minute known from ten to five minutes ago stands in, its change scaled
    /// to ten minutes. False when the latest minute or all of those are unknown.
    /// </summary>
    public bool TryGetRiseMmPer10Min(out int riseMm)
    {
        riseMm = 0;
        if (_lastMinute == long.MinValue || !_known[Slot(_lastMinute)])
        {
            return false;
        }

        for (int ago = 10; ago >= OldestStandIn; ago--)
        {
            int then = Slot(_lastMinute - ago);
            if (_known[then])
            {
                riseMm = (_depthMm[Slot(_lastMinute)] - _depthMm[then]) * 10 / ago;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Depth now minus depth at the latest minute known from two to <paramref name="withinMinutes"/>
    /// (at most ten) minutes ago: whether the water still moves the way the 10-minute rate says. False
    /// when the latest minute or all of those are unknown.
    /// </summary>
    public bool TryGetRecentChangeMm(int withinMinutes, out int changeMm)
    {
        changeMm = 0;
        if (_lastMinute == long.MinValue || !_known[Slot(_lastMinute)])
        {
            return false;
        }

        for (int ago = 2; ago <= withinMinutes && ago <= 10; ago++)
        {
            int then = Slot(_lastMinute - ago);
            if (_known[then])
            {
                changeMm = _depthMm[Slot(_lastMinute)] - _depthMm[then];
                return true;
            }
        }

        return false;
    }

    private static int Slot(long minute)
    {
        long s = minute % Minutes;
        return (int)(s < 0 ? s + Minutes : s);
    }
}
