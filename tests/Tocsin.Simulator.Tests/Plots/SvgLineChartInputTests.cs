using Tocsin.Simulator.Reports.Plots;
using Xunit;

namespace Tocsin.Simulator.Tests.Plots;

public sealed class SvgLineChartInputTests
{
    private static SvgLineChart Chart() => new("Depth", "t (min)", "water depth (mm)");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_titles_are_refused(string blank)
    {
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new SvgLineChart(blank, "t (min)", "y (mm)")).ParamName);
        Assert.Equal("xAxisTitle", Assert.Throws<ArgumentException>(() => new SvgLineChart("t", blank, "y (mm)")).ParamName);
        Assert.Equal("yAxisTitle", Assert.Throws<ArgumentException>(() => new SvgLineChart("t", "t (min)", blank)).ParamName);
    }

    [Theory]
    [InlineData(SvgLineChart.MinimumWidthPx - 1, 400)]
    [InlineData(800, SvgLineChart.MinimumHeightPx - 1)]
    [InlineData(SvgLineChart.MaximumSizePx + 1, 400)]
    public void Sizes_outside_the_usable_range_are_refused(int widthPx, int heightPx)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SvgLineChart("t", "t (min)", "y (mm)", widthPx, heightPx));
    }

    [Fact]
    public void Series_need_a_name_points_and_a_unique_name()
    {
        Assert.Throws<ArgumentNullException>(() => Chart().AddSeries(null!, []));
        Assert.Throws<ArgumentException>(() => Chart().AddSeries("", []));
        Assert.Throws<ArgumentNullException>(() => Chart().AddSeries("s", null!));
        ArgumentException duplicate = Assert.Throws<ArgumentException>(() => Chart().AddSeries("s", []).AddSeries("s", []));
        Assert.Contains("already", duplicate.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("red\" onload=\"alert(1)")]
    [InlineData("#12345")]
    [InlineData("#ggg")]
    [InlineData("Red")]
    public void Colours_that_are_not_plain_css_colours_are_refused(string colour)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Chart().AddSeries("s", [(0, 1)], colour));
        Assert.Equal("colour", error.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Thresholds_and_markers_need_finite_positions_and_a_label(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart().AddThreshold(bad, "level"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart().AddMarker(bad, "alert"));
        Assert.Throws<ArgumentException>(() => Chart().AddThreshold(100, " "));
        Assert.Throws<ArgumentNullException>(() => Chart().AddMarker(1, null!));
    }

    [Fact]
    public void A_y_range_must_be_finite_and_increasing()
    {
        Assert.Throws<ArgumentException>(() => Chart().SetYRange(5, 5));
        Assert.Throws<ArgumentException>(() => Chart().SetYRange(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart().SetYRange(double.NegativeInfinity, 0));
    }
}
