namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// Rate of rise in mm per 10 minutes: the accepted depth remembered once a minute for the last
/// eleven minutes, compared end to end. Water at an underpass can peak within 20 minutes, so this
/// rate, not only the depth, drives fast reporting.
/// </summary>
public sealed class RiseTracker
{
    private const int Minutes = 11;
    private readonly int[] _depthMm = new int[Minutes];
    private readonly bool[] _known = new bool[Minutes];
    private long _lastMinute = long.MinValue;

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

    /// <summary>Depth now minus depth ten minutes ago; false when either is unknown.</summary>
    public bool TryGetRiseMmPer10Min(out int riseMm)
    {
        riseMm = 0;
        if (_lastMinute == long.MinValue)
        {
            return false;
        }

        int now = Slot(_lastMinute);
        int then = Slot(_lastMinute - 10);
        if (!_known[now] || !_known[then])
        {
            return false;
        }

        riseMm = _depthMm[now] - _depthMm[then];
        return true;
    }

    private static int Slot(long minute)
    {
        long s = minute % Minutes;
        return (int)(s < 0 ? s + Minutes : s);
    }
}
