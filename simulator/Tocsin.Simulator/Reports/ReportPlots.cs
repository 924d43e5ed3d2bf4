using Tocsin.Simulator.Reports.Plots;

namespace Tocsin.Simulator.Reports;

/// <summary>
/// The report's plots as SVG files beside report.json: rain.svg (district mean and heaviest rain),
/// depth.svg (water at the deepest sites against the sensors' warning levels) and coverage.svg
/// (share of targeted residents reached per alert against the 90 % target). All three share the
/// run's time axis with each dispatch marked on it, so cause and effect line up.
/// </summary>
public static class ReportPlots
{
    /// <summary>Share of residents the broadcast terminals must reach (the district's plan: 90 % of the population).</summary>
    public const double CoverageTargetPercent = 90;

    private const string TimeAxis = "scenario time (min)";

    /// <summary>Writes the plots into <paramref name="directory"/>.</summary>
    public static void Write(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        Rain(report).Save(Path.Combine(directory, "rain.svg"));
        Depth(report).Save(Path.Combine(directory, "depth.svg"));
        Coverage(report).Save(Path.Combine(directory, "coverage.svg"));
    }

    /// <summary>District mean and heaviest rain rate over time.</summary>
    public static SvgLineChart Rain(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var chart = new SvgLineChart(report.Title + ": rain", TimeAxis, "rain rate (mm/h)")
            .AddSeries("heaviest anywhere", Points(report.Series.RainMaxMmPerHour))
            .AddSeries("mean over equipped communities", Points(report.Series.RainMeanMmPerHour));
        return OnRunTimeAxis(chart, report);
    }

    /// <summary>Water depth at the deepest sites, with the sensors' default warning levels.</summary>
    public static SvgLineChart Depth(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var chart = new SvgLineChart(report.Title + ": water at low points", TimeAxis, "water depth (mm)");
        foreach ((string node, IReadOnlyList<double[]> series) in report.Series.DepthMm)
        {
            chart.AddSeries(node, Points(series));
        }

        foreach ((string level, double depthMm) in DefaultDepthLevels.Read())
        {
            chart.AddThreshold(depthMm, level + " " + depthMm.ToString(System.Globalization.CultureInfo.InvariantCulture) + " mm (default)");
        }

        return OnRunTimeAxis(chart, report);
    }

    /// <summary>Share of each dispatched alert's targeted residents reached, over time.</summary>
    public static SvgLineChart Coverage(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var chart = new SvgLineChart(report.Title + ": residents reached", TimeAxis, "targeted residents reached (%)")
            .SetYRange(0, 100)
            .AddThreshold(CoverageTargetPercent, "target " + CoverageTargetPercent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " %");
        // A storm can bring dozens of community alerts: plot the widest eight, the rest stay in report.json.
        foreach ((string alertId, IReadOnlyList<double[]> series) in report.Series.CoveragePercent
            .OrderByDescending(c => report.Alerts.FirstOrDefault(a => a.Id == c.Key)?.Speakers ?? 0).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxCoverageSeries))
        {
            AlertSummary? alert = report.Alerts.FirstOrDefault(a => a.Id == alertId);
            chart.AddSeries(alert == null ? alertId : alertId + " (" + alert.Level + ")", Points(series), step: true);
        }

        return OnRunTimeAxis(chart, report);
    }

    private const int MaxCoverageSeries = 8;

    private static SvgLineChart OnRunTimeAxis(SvgLineChart chart, RunReport report)
    {
        // One time axis for all three (the whole sampled run), so the plots line up when compared.
        double[] minutes = report.Series.RainMaxMmPerHour.Concat(report.Series.DepthMm.Values.SelectMany(d => d))
            .Where(s => s.Length >= 2 && double.IsFinite(s[0])).Select(s => s[0]).ToArray();
        if (minutes.Length > 0 && minutes.Max() > minutes.Min())
        {
            chart.SetXRange(minutes.Min(), minutes.Max());
        }

        foreach (AlertSummary alert in report.Alerts.OrderByDescending(a => a.Speakers).ThenBy(a => a.Id, StringComparer.Ordinal).Take(MaxCoverageSeries))
        {
            if (alert.DispatchedMinute is double minute)
            {
                chart.AddMarker(minute, alert.Id + " " + alert.Level + " dispatched");
            }
        }

        return chart;
    }

    private static (double X, double Y)[] Points(IReadOnlyList<double[]> samples) =>
        samples.Where(s => s.Length >= 2).Select(s => (s[0], s[1])).ToArray();
}
