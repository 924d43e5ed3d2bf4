using System.Globalization;
using System.Xml.Linq;
using Tocsin.Simulator.Reports.Plots;
using Xunit;

namespace Tocsin.Simulator.Tests.Plots;

public sealed class SvgLineChartDataEdgeTests
{
    private static List<(double X, double Y)> Vertices(XDocument doc, string series) =>
        SvgDocument.Vertices((string)doc.WithClass("path", "series-line").Single(p => (string?)p.Attribute("data-series") == series).Attribute("d")!);

    [Fact]
    public void A_chart_without_data_still_draws_axes_and_says_so()
    {
        var chart = new SvgLineChart("Nothing yet", "t (min)", "y (mm)").AddSeries("silent node", []);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        Assert.Empty(doc.WithClass("path", "series-line"));
        Assert.Equal("no data", doc.WithClass("text", "no-data").Single().Value);
        Assert.Equal("silent node (no data)", doc.Group("legend").Single().Descendants(SvgDocument.Svg + "text").Single().Value);
        Assert.True(doc.TickLabels("x-ticks").Length >= 2);
        Assert.True(doc.TickLabels("y-ticks").Length >= 2);
    }

    [Fact]
    public void An_empty_series_beside_a_full_one_is_listed_but_not_drawn()
    {
        var chart = new SvgLineChart("Depth", "t (min)", "y (mm)").AddSeries("a", [(0, 1), (1, 2)]).AddSeries("b", []);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        Assert.Equal(["a"], doc.WithClass("path", "series-line").Select(p => (string)p.Attribute("data-series")!));
        Assert.Empty(doc.WithClass("text", "no-data"));
    }

    [Fact]
    public void A_single_point_gets_a_dot_inside_a_widened_axis()
    {
        var chart = new SvgLineChart("One reading", "t (min)", "y (mm)").AddSeries("sn-1", [(30, 120)]);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        XElement dot = doc.WithClass("circle", "series-point").Single();
        (double left, double top, double width, double height) = doc.PlotArea();
        double cx = SvgDocument.Number(dot, "cx");
        double cy = SvgDocument.Number(dot, "cy");
        Assert.InRange(cx, left + 1, left + width - 1);
        Assert.InRange(cy, top + 1, top + height - 1);
        Assert.Single(Vertices(doc, "sn-1"));
    }

    [Fact]
    public void A_constant_series_is_a_flat_line_in_the_middle_of_a_real_axis()
    {
        var chart = new SvgLineChart("Battery", "t (min)", "battery (mV)").AddSeries("bn-1", Enumerable.Range(0, 50).Select(i => ((double)i, 12800.0)).ToArray());

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        List<(double X, double Y)> vertices = Vertices(doc, "bn-1");
        Assert.Single(vertices.Select(v => v.Y).Distinct());
        (double _, double top, double _, double height) = doc.PlotArea();
        Assert.InRange(vertices[0].Y, top + (height * 0.2), top + (height * 0.8));
        string[] labels = doc.TickLabels("y-ticks");
        Assert.True(labels.Length >= 3);
        Assert.InRange(12800, double.Parse(labels[0], CultureInfo.InvariantCulture), double.Parse(labels[^1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NaN_and_infinite_points_are_skipped()
    {
        var chart = new SvgLineChart("Gaps", "t (min)", "y (mm)")
            .AddSeries("s", [(0, 1), (1, double.NaN), (2, double.PositiveInfinity), (double.NegativeInfinity, 3), (double.NaN, 4), (4, 2)]);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        Assert.Equal(2, Vertices(doc, "s").Count);
        Assert.Equal(["1.0", "2.0"], new[] { doc.TickLabels("y-ticks")[0], doc.TickLabels("y-ticks")[^1] });
    }

    [Fact]
    public void Unsorted_points_are_drawn_in_time_order()
    {
        var chart = new SvgLineChart("Late samples", "t (min)", "y (mm)").AddSeries("s", [(2, 5), (0, 1), (1, 3)]);

        List<(double X, double Y)> vertices = Vertices(SvgDocument.Parse(chart.ToSvg()), "s");

        Assert.Equal(vertices.OrderBy(v => v.X), vertices);
    }

    [Fact]
    public void A_million_points_are_thinned_to_the_pixel_width_and_a_single_spike_survives()
    {
        var points = new (double X, double Y)[1_000_000];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = (i / 1000.0, (i % 7) * 0.1);
        }

        points[654_321] = (654.321, 1000);
        var chart = new SvgLineChart("Spike", "t (min)", "y (mm)").AddSeries("noisy", points);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        List<(double X, double Y)> vertices = Vertices(doc, "noisy");
        (double left, double top, double width, double _) = doc.PlotArea();
        Assert.InRange(vertices.Count, 2 * (int)width, 4 * ((int)width + 1));
        (double X, double Y) highest = vertices.MinBy(v => v.Y);
        Assert.Equal(top, highest.Y, 2);
        Assert.Equal(left + (width * 654.321 / 999.999), highest.X, 0);
        Assert.Single(vertices, v => v.Y < top + 10);
    }

    [Fact]
    public void A_fixed_y_range_clips_ticks_and_hides_thresholds_outside_it()
    {
        var chart = new SvgLineChart("Coverage", "t (min)", "coverage (%)")
            .AddSeries("district", [(0, 0), (10, 97)], step: true)
            .AddThreshold(90, "target 90 %")
            .AddThreshold(150, "impossible")
            .SetYRange(0, 100);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        Assert.Equal(["target 90 %"], doc.WithClass("text", "threshold-label").Select(t => t.Value));
        Assert.Single(doc.WithClass("line", "threshold"));
        Assert.Equal("100", doc.TickLabels("y-ticks")[^1]);
        Assert.NotNull(doc.Group("series").Single().Attribute("clip-path"));
    }

    [Fact]
    public void A_fixed_x_range_sets_the_time_axis_and_hides_markers_outside_it()
    {
        var chart = new SvgLineChart("Run", "t (min)", "y (mm)")
            .AddSeries("s", [(10, 1), (50, 2)])
            .AddMarker(5, "early alert")
            .AddMarker(130, "after the run")
            .SetXRange(0, 120);

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        Assert.Equal("0", doc.TickLabels("x-ticks")[0]);
        Assert.Equal("120", doc.TickLabels("x-ticks")[^1]);
        Assert.Equal(["early alert"], doc.WithClass("text", "marker-label").Select(t => t.Value));
        Assert.Throws<ArgumentException>(() => chart.SetXRange(3, 3));
    }

    [Fact]
    public void A_marker_at_the_left_edge_puts_its_label_right_of_the_line_clear_of_the_y_labels()
    {
        var chart = new SvgLineChart("Run", "t (min)", "y (mm)").AddSeries("s", [(0, 1), (100, 2)]).AddMarker(0, "start").AddMarker(60, "later");

        XDocument doc = SvgDocument.Parse(chart.ToSvg());

        XElement[] lines = doc.WithClass("line", "marker").ToArray();
        XElement[] labels = doc.WithClass("text", "marker-label").ToArray();
        Assert.True(SvgDocument.Number(labels[0], "x") > SvgDocument.Number(lines[0], "x1"));
        Assert.True(SvgDocument.Number(labels[1], "x") < SvgDocument.Number(lines[1], "x1"));
    }
}
