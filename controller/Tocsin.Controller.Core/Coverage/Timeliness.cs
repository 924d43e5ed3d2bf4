namespace Tocsin.Controller.Coverage;

/// <summary>Timeliness of node reports: a report is on time when received within an allowed delay of its measurement time.</summary>
public static class Timeliness
{
    /// <summary>True when <paramref name="report"/> was measured and arrived within <paramref name="allowed"/>.</summary>
    public static bool IsOnTime(ReportTiming report, TimeSpan allowed)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.MeasuredUtcMs is long t && report.ReceivedAt.ToUnixTimeMilliseconds() - t <= (long)allowed.TotalMilliseconds;
    }

    /// <summary>Counts on-time, late and untimed reports.</summary>
    public static TimelinessFigures Evaluate(IEnumerable<ReportTiming> reports, TimeSpan allowed)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int total = 0, onTime = 0, untimed = 0;
        foreach (ReportTiming r in reports)
        {
            total++;
            if (r.MeasuredUtcMs == null)
            {
                untimed++;
            }
            else if (IsOnTime(r, allowed))
            {
                onTime++;
            }
        }

        return new TimelinessFigures(total, onTime, total - onTime - untimed, untimed);
    }
}
