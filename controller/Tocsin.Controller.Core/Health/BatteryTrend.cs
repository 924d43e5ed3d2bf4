namespace Tocsin.Controller.Health;

/// <summary>
/// A simple linear fit of battery voltage over time: a falling slope on mains power means a charger or mains
/// fault. Over readings half an hour apart (<see cref="HealthOptions.BatteryReadingSpacing"/>) it shows after
/// the second reading and follows a change over hours, not minutes.
/// </summary>
public static class BatteryTrend
{
    /// <summary>Least-squares slope of <paramref name="readings"/> in mV per day; null with fewer than two readings or no time spread.</summary>
    public static double? MillivoltsPerDay(IReadOnlyList<BatteryReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count < 2)
        {
            return null;
        }

        // Days relative to the first reading keep the sums small and exact enough.
        // Ticks, not DateTimeOffset arithmetic: every battery reading of every node comes here, and
        // subtracting two DateTimeOffsets converts both to UTC first (the same days, computed dearer).
        long origin = readings[0].At.UtcTicks;
        double n = readings.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < readings.Count; i++)
        {
            BatteryReading r = readings[i];
            double x = (r.At.UtcTicks - origin) / (double)TimeSpan.TicksPerDay;
            sx += x;
            sy += r.Millivolts;
            sxx += x * x;
            sxy += x * r.Millivolts;
        }

        double denominator = (n * sxx) - (sx * sx);
        return Math.Abs(denominator) < 1e-18 ? null : ((n * sxy) - (sx * sy)) / denominator;
    }
}
