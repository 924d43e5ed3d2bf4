using System.Globalization;
using System.Xml.Linq;
using Tocsin.Simulator.Reports.Plots;
using Xunit;

namespace Tocsin.Simulator.Tests.Plots;

public sealed class SvgLineChartStructureTests
{
    private static (double X, double Y)[] Ramp(int count, double slope) => Enumerable.Range(0, count).Select(i => ((double)i, i * slope)).ToArray();

    [Fact]
    public void Each_series_gets_its_own_path_colour_and_legend_entry()
    {
        var chart = new SvgLineChart("Water at low points", "simulated time (min)", "water depth (mm)")
            .AddSeries("Barangay 1", Ramp(361, 1.2))
            .AddSeries("Barangay 2", Ramp(361, 0.5), colour: "#123abc");

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        XElement[] paths = doc.WithClass("path", "series-line").ToArray();
        Assert.Equal(["Barangay 1", "Barangay 2"], paths.Select(p => (string)p.Attribute("data-series")!));
        Assert.Equal("#123abc", (string)paths[1].Attribute("stroke")!);
        Assert.NotEqual((string?)paths[0].Attribute("stroke"), (string?)paths[1].Attribute("stroke"));
        Assert.Equal(361, SvgDocument.Vertices((string)paths[0].Attribute("d")!).Count);
        Assert.Equal(["Barangay 1", "Barangay 2"], doc.Group("legend").Single().Descendants(SvgDocument.Svg + "text").Select(t => t.Value));
        Assert.Equal("Water at low points", doc.Root!.Element(SvgDocument.Svg + "title")!.Value);
        Assert.Equal("simulated time (min)", doc.WithClass("text", "x-title").Single().Value);
        Assert.Equal("water depth (mm)", doc.WithClass("text", "y-title").Single().Value);
    }

    [Fact]
    public void Ticks_fall_on_round_values_covering_the_data()
    {
        var chart = new SvgLineChart("Depth", "simulated time (min)", "water depth (mm)")
            .AddSeries("depth", [(0, 0), (180, 437), (360, 12)]);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        // 437 mm over about seven ticks: steps of 50 from 0 up to the first round value above the peak.
        Assert.Equal(["0", "50", "100", "150", "200", "250", "300", "350", "400", "450"], doc.TickLabels("y-ticks"));
        // The time axis spans the run exactly, with round ticks inside it.
        Assert.Equal(["0", "50", "100", "150", "200", "250", "300", "350"], doc.TickLabels("x-ticks"));
    }

    [Fact]
    public void Fractional_ranges_get_labels_with_just_the_decimals_they_need()
    {
        var chart = new SvgLineChart("Battery", "simulated time (h)", "battery (V)")
            .AddSeries("sn-1", [(0, 3.9), (2, 3.75), (4, 3.62)]);

        string[] labels = SvgDocument.Parse(chart.ToSvg()).TickLabels("y-ticks");

        Assert.All(labels, l => Assert.Matches(@"^3\.\d{2}$", l));
        Assert.Equal(labels.Length, labels.Distinct().Count());
    }

    [Fact]
    public void Markup_characters_in_names_and_labels_are_escaped_and_read_back_intact()
    {
        const string name = "sn-<1> & \"quoted\" 'a'";
        var chart = new SvgLineChart("Run <A&B>", "t \"min\"", "y <mm>")
            .AddSeries(name, [(0, 1), (1, 2)])
            .AddThreshold(1.5, "level <2> & up")
            .AddMarker(0.5, "alert \"A-3\" dispatched");

        string svg = chart.ToSvg();
        XDocument doc = SvgDocument.Parse(svg);

        Assert.DoesNotContain("<1>", svg, StringComparison.Ordinal);
        Assert.Equal(name, (string)doc.WithClass("path", "series-line").Single().Attribute("data-series")!);
        Assert.Equal(name, doc.Group("legend").Single().Descendants(SvgDocument.Svg + "text").Single().Value);
        Assert.Equal("Run <A&B>", doc.WithClass("text", "chart-title").Single().Value);
        Assert.Equal("level <2> & up", doc.WithClass("text", "threshold-label").Single().Value);
        Assert.Equal("alert \"A-3\" dispatched", doc.WithClass("text", "marker-label").Single().Value);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_replaced_rather_than_breaking_the_file()
    {
        var chart = new SvgLineChart("log\u0001line", "t (min)", "y (mm)").AddSeries("bad \uD800 surrogate\nnewline", [(0, 1)]);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        Assert.Equal("log\uFFFDline", doc.WithClass("text", "chart-title").Single().Value);
        Assert.Equal("bad \uFFFD surrogate\uFFFDnewline", doc.Group("legend").Single().Descendants(SvgDocument.Svg + "text").Single().Value);
    }

    [Fact]
    public void Thresholds_are_labelled_lines_and_widen_the_axis_to_stay_visible()
    {
        var chart = new SvgLineChart("Depth", "t (min)", "water depth (mm)")
            .AddSeries("depth", [(0, 10), (60, 140)])
            .AddThreshold(100, "level 1 (100 mm)")
            .AddThreshold(500, "level 4 (500 mm)");

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        XElement[] thresholds = doc.WithClass("line", "threshold").ToArray();
        Assert.Equal(["level 1 (100 mm)", "level 4 (500 mm)"], doc.WithClass("text", "threshold-label").Select(t => t.Value));
        Assert.Equal("500", doc.TickLabels("y-ticks")[^1]);
        (double _, double top, double _, double _) = doc.PlotArea();
        Assert.Equal(top, SvgDocument.Number(thresholds[1], "y1"), 2);
    }

    [Fact]
    public void Markers_are_vertical_lines_at_their_time_with_their_label()
    {
        var chart = new SvgLineChart("Depth", "t (min)", "water depth (mm)")
            .AddSeries("depth", [(0, 0), (100, 300)])
            .AddMarker(25, "alert A-3 dispatched");

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        XElement line = doc.WithClass("line", "marker").Single();
        (double left, double _, double width, double _) = doc.PlotArea();
        Assert.Equal(left + (width * 0.25), SvgDocument.Number(line, "x1"), 2);
        Assert.Equal(SvgDocument.Number(line, "x1"), SvgDocument.Number(line, "x2"));
        Assert.Equal("alert A-3 dispatched", doc.WithClass("text", "marker-label").Single().Value);
    }

    [Fact]
    public void Step_series_hold_each_value_until_the_next_sample()
    {
        var chart = new SvgLineChart("Coverage", "t (min)", "coverage (%)")
            .AddSeries("coverage", [(0, 0), (10, 40), (20, 95)], step: true)
            .SetYRange(0, 100);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());
        List<(double X, double Y)> vertices = SvgDocument.Vertices((string)doc.WithClass("path", "series-line").Single().Attribute("d")!);

        // Horizontal then vertical: 0 holds until t=10, then jumps to 40, which holds until t=20.
        Assert.Equal(5, vertices.Count);
        Assert.Equal(vertices[0].Y, vertices[1].Y);
        Assert.Equal(vertices[1].X, vertices[2].X);
        Assert.Equal(vertices[2].Y, vertices[3].Y);
        Assert.Equal(vertices[3].X, vertices[4].X);
        Assert.Equal(["0", "20", "40", "60", "80", "100"], doc.TickLabels("y-ticks"));
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_one()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            string svg = new SvgLineChart("t", "x (min)", "y (mm)").AddSeries("s", [(0.5, 1.25), (1.75, 2.5)]).ToSvg();

            XDocument doc = SvgDocument.Parse(svg);
            Assert.Equal(2, SvgDocument.Vertices((string)doc.WithClass("path", "series-line").Single().Attribute("d")!).Count);
            Assert.All(doc.TickLabels("y-ticks"), l => Assert.DoesNotContain(",", l, StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Save_writes_the_document_creating_its_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "tocsin-chart-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "nested", "depth.svg");
        try
        {
            var chart = new SvgLineChart("Depth", "t (min)", "water depth (mm)").AddSeries("depth", [(0, 0), (1, 1)]);
            chart.Save(path);

            Assert.Equal(chart.ToSvg(), File.ReadAllText(path));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
