using System.Globalization;
using Tocsin.Simulator.Deterministic;

namespace Tocsin.Simulator.Reports;

/// <summary>Writes a run's report files: report.json (repeatable), report.txt, performance.json and the plots.</summary>
public static class ReportFiles
{
    /// <summary>Writes everything into <paramref name="directory"/>.</summary>
    public static void Write(RunReport report, RunPerformance performance, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.json"), ReportJson.Serialize(report));
        File.WriteAllText(Path.Combine(directory, "performance.json"), ReportJson.Serialize(performance));
        using (var text = new StreamWriter(Path.Combine(directory, "report.txt")))
        {
            TextReport.Write(report, text);
            text.WriteLine();
            text.WriteLine(PerformanceLine(performance));
        }

        ReportPlots.Write(report, directory);
    }

    /// <summary>One line of wall-clock figures.</summary>
    public static string PerformanceLine(RunPerformance p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return string.Format(CultureInfo.InvariantCulture,
            "run: {0:0.0} s wall ({1:0.0} s setup), {2:0} simulated s, {3:0}x real time, {4} node steps ({9} by the round thread), {5} messages ({6:0} per s), {7:0.0} KB managed per node, peak working set {8:0} MB",
            p.WallSeconds, p.SetupSeconds, p.SimulatedSeconds, p.SpeedUp, p.NodeSteps, p.Messages, p.MessagesPerSecond, p.BytesPerNode / 1024.0, p.PeakWorkingSetBytes / (1024.0 * 1024), p.HelperSteps)
            + "; time in " + string.Join(", ", p.PhaseSeconds.Select(kv => kv.Key.ToUpperInvariant() + " " + kv.Value.ToString("0.0", CultureInfo.InvariantCulture) + " s"))
            + string.Format(CultureInfo.InvariantCulture, "; {4} controller rounds, {0:0.0} s; {1:0} MB allocated, GC pauses {2:0.0} s ({3} collections)",
                p.ControllerRoundSeconds, p.AllocatedBytes / (1024.0 * 1024), p.GcPauseSeconds, string.Join("/", p.Collections), p.ControllerRounds);
    }
}
