using System;
using System.Collections.Generic;
using System.Linq;
using Tocsin.Firmware.SensorNode.Levels;

namespace Tocsin.Firmware.SensorNode.Tests.Support;

/// <summary>
/// A rain trace as tip times, and a brute-force reference for what the gauge should report:
/// sums recomputed from the full tip list for every minute, independent of the firmware's ring.
/// </summary>
public sealed class RainTrace
{
    private readonly List<long> _tipOffsetsMs = new();

    /// <summary>Builds tips for consecutive segments of (minutes, mm per hour), 0.2 mm per tip.</summary>
    public RainTrace(params (int Minutes, double MmPerHour)[] segments)
    {
        double carry = 0;
        int minute = 0;
        foreach (var (minutes, rate) in segments)
        {
            for (int i = 0; i < minutes; i++, minute++)
            {
                carry += rate / 60.0 / 0.2;
                int tips = (int)Math.Floor(carry + 1e-9);
                carry -= tips;
                for (int k = 0; k < tips; k++)
                {
                    // Within the first 50 s of the minute, so a tick before the minute ends always sees it.
                    _tipOffsetsMs.Add((minute * 60_000L) + 500 + (k * 49_000L / Math.Max(1, tips)));
                }
            }
        }

        Minutes = minute;
    }

    public int Minutes { get; }

    public IReadOnlyList<long> TipOffsetsMs => _tipOffsetsMs;

    /// <summary>Tips in the window of <paramref name="windowMinutes"/> ending with minute <paramref name="minute"/>.</summary>
    public int TipsInWindow(int minute, int windowMinutes) =>
        _tipOffsetsMs.Count(t => t / 60_000 <= minute && t / 60_000 > minute - windowMinutes);

    /// <summary>The signal level the reference totals support at the end of <paramref name="minute"/>.</summary>
    public int ReferenceLevel(int minute)
    {
        double mm3 = TipsInWindow(minute, 180) * 0.2;
        double mm6 = TipsInWindow(minute, 360) * 0.2;
        double mm12 = TipsInWindow(minute, 720) * 0.2;
        if (mm3 >= 100 - 1e-9)
        {
            return WarningLevel.Red;
        }

        if (mm3 >= 50 - 1e-9)
        {
            return WarningLevel.Orange;
        }

        if (mm6 >= 50 - 1e-9)
        {
            return WarningLevel.Yellow;
        }

        return mm12 >= 50 - 1e-9 ? WarningLevel.Blue : WarningLevel.None;
    }
}
