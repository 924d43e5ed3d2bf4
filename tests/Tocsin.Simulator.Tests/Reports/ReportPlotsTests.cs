using System.Xml.Linq;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Tests.Plots;
using Xunit;

namespace Tocsin.Simulator.Tests.Reports;

public sealed class ReportPlotsTests
{
    private static RunReport Report()
    {
        double[][] Ramp(double perMinute, double cap) => Enumerable.Range(0, 25).Select(i => new[] { i * 5.0, Math.Min(cap, i * 5 * perMinute) }).ToArray();
        return new RunReport
        {
            Scenario = "burst",
            Title = "Burst over Kaiyuan",
            DurationMinutes = 120,
            Network = new NetworkSummary(0, 0, 0, 0, 0, 0, 0, 0, 0),
            Messages = new DeliverySummary(0, 0, 0, 0, 0, 0, [], []),
            Alerts =
            [
                new AlertSummary { Id = "a-1", Kind = "live", Hazard = "waterlogging", Level = "II", Source = "rule", State = "dispatched", CreatedMinute = 18, DispatchedMinute = 20 },
                new AlertSummary { Id = "a-2", Kind = "live", Hazard = "waterlogging", Level = "I", Source = "rule", State = "proposed", CreatedMinute = 50 },
            ],
            Faults = [],
            Actions = [],
            Console = [],
            Timeline = [],
            Series = new SeriesSet
            {
                EveryMinutes = 5,
                RainMeanMmPerHour = Ramp(0.5, 40),
                RainMaxMmPerHour = Ramp(1, 90),
                DepthMm = new Dictionary<string, IReadOnlyList<double[]>> { ["sn-kaiyuan-01-1"] = Ramp(20, 1500) },
                CoveragePercent = new Dictionary<string, IReadOnlyList<double[]>> { ["a-1"] = [[20, 0], [25, 60], [30, 95], [120, 95]] },
            },
        };
    }

    [Fact]
    public void Writes_rain_depth_and_coverage_charts_on_one_time_axis_with_the_dispatch_marked()
    {
        string folder = Path.Combine(Path.GetTempPath(), "tocsin-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            ReportPlots.Write(Report(), folder);

            XDocument[] charts = new[] { "rain.svg", "depth.svg", "coverage.svg" }.Select(f => SvgDocument.Parse(File.ReadAllText(Path.Combine(folder, f)))).ToArray();
            foreach (XDocument chart in charts)
            {
                Assert.Equal("0", chart.TickLabels("x-ticks")[0]);
                Assert.Equal("120", chart.TickLabels("x-ticks")[^1]);
                Assert.Equal(["a-1 II dispatched"], chart.WithClass("text", "marker-label").Select(t => t.Value));
            }

            Assert.Equal(["heaviest anywhere", "mean over equipped communities"], charts[0].WithClass("path", "series-line").Select(p => (string)p.Attribute("data-series")!));
            Assert.Equal(["sn-kaiyuan-01-1"], charts[1].WithClass("path", "series-line").Select(p => (string)p.Attribute("data-series")!));
            Assert.Equal(["a-1 (II)"], charts[2].WithClass("path", "series-line").Select(p => (string)p.Attribute("data-series")!));
            Assert.Equal(["target 90 %"], charts[2].WithClass("text", "threshold-label").Select(t => t.Value));
            Assert.Equal("100", charts[2].TickLabels("y-ticks")[^1]);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Depth_thresholds_are_the_sensor_firmwares_default_levels()
    {
        XDocument depth = SvgDocument.Parse(ReportPlots.Depth(Report()).ToSvg());

        Assert.Equal(["blue 100 mm (default)", "yellow 200 mm (default)", "orange 300 mm (default)", "red 500 mm (default)"],
            depth.WithClass("text", "threshold-label").Select(t => t.Value));
    }
}
