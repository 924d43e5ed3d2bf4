using System.Text;

namespace Tocsin.Simulator.Reports.Plots;

/// <summary>
/// A line chart of time series written as a self-contained SVG file: named series in their own
/// colours with a legend, optional step series, horizontal thresholds and vertical event markers,
/// ticks at round values and axis titles. Needs no charting library, so run reports can be made
/// anywhere the simulator runs. NaN and infinite points are skipped; series longer than the plot
/// is wide are thinned per pixel column keeping each column's lowest and highest point.
/// </summary>
public sealed class SvgLineChart
{
    /// <summary>Narrowest chart that still fits its axis labels.</summary>
    public const int MinimumWidthPx = 320;

    /// <summary>Lowest chart that still fits its title, legend and axes.</summary>
    public const int MinimumHeightPx = 200;

    /// <summary>Largest accepted width or height: beyond this the file is a poster, not a chart.</summary>
    public const int MaximumSizePx = 10000;

    private readonly List<ChartSeries> _series = [];
    private readonly List<ChartThreshold> _thresholds = [];
    private readonly List<ChartMarker> _markers = [];

    /// <summary>Creates an empty chart.</summary>
    /// <param name="title">Drawn above the plot.</param>
    /// <param name="xAxisTitle">What X is, with its unit, e.g. "simulated time (min)".</param>
    /// <param name="yAxisTitle">What Y is, with its unit, e.g. "water depth (mm)".</param>
    /// <param name="widthPx">Width of the whole image.</param>
    /// <param name="heightPx">Height of the whole image.</param>
    public SvgLineChart(string title, string xAxisTitle, string yAxisTitle, int widthPx = 960, int heightPx = 540)
    {
        Title = RequireText(title, nameof(title));
        XAxisTitle = RequireText(xAxisTitle, nameof(xAxisTitle));
        YAxisTitle = RequireText(yAxisTitle, nameof(yAxisTitle));
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, MinimumWidthPx);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthPx, MaximumSizePx);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, MinimumHeightPx);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightPx, MaximumSizePx);
        WidthPx = widthPx;
        HeightPx = heightPx;
    }

    /// <summary>Drawn above the plot.</summary>
    public string Title { get; }

    /// <summary>X axis title (with unit).</summary>
    public string XAxisTitle { get; }

    /// <summary>Y axis title (with unit).</summary>
    public string YAxisTitle { get; }

    /// <summary>Image width.</summary>
    public int WidthPx { get; }

    /// <summary>Image height.</summary>
    public int HeightPx { get; }

    /// <summary>A fixed X range set by <see cref="SetXRange"/>, or null to fit the data and markers.</summary>
    public (double Minimum, double Maximum)? FixedXRange { get; private set; }

    /// <summary>A fixed Y range set by <see cref="SetYRange"/>, or null to fit the data and thresholds.</summary>
    public (double Minimum, double Maximum)? FixedYRange { get; private set; }

    internal IReadOnlyList<ChartSeries> Series => _series;

    internal IReadOnlyList<ChartThreshold> Thresholds => _thresholds;

    internal IReadOnlyList<ChartMarker> Markers => _markers;

    /// <summary>
    /// Adds a named series. Points need not be sorted; NaN and infinite ones are skipped, and a series
    /// with none left still appears in the legend, marked "no data".
    /// </summary>
    /// <param name="name">Legend text; unique within the chart.</param>
    /// <param name="points">The samples.</param>
    /// <param name="colour"><c>#rgb</c>, <c>#rrggbb</c> or a CSS colour keyword; null picks the next of a colour-blind-safe palette.</param>
    /// <param name="step">True for a value that holds until the next sample (drawn as steps).</param>
    /// <returns>This chart.</returns>
    public SvgLineChart AddSeries(string name, IReadOnlyList<(double X, double Y)> points, string? colour = null, bool step = false)
    {
        RequireText(name, nameof(name));
        ArgumentNullException.ThrowIfNull(points);
        if (_series.Exists(s => s.Name == name))
        {
            throw new ArgumentException("a series named '" + name + "' is already on this chart; the legend could not tell them apart", nameof(name));
        }

        if (colour != null && !ChartPalette.IsValidColour(colour))
        {
            throw new ArgumentException("colour must be #rgb, #rrggbb or a lower-case CSS colour keyword, not '" + colour + "'", nameof(colour));
        }

        (double X, double Y)[] finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToArray();
        _series.Add(new ChartSeries(name, finite, colour ?? ChartPalette.For(_series.Count), step));
        return this;
    }

    /// <summary>Adds a labelled horizontal line at <paramref name="y"/> (a warning level, a target).</summary>
    /// <returns>This chart.</returns>
    public SvgLineChart AddThreshold(double y, string label)
    {
        RequireFinite(y, nameof(y));
        _thresholds.Add(new ChartThreshold(y, RequireText(label, nameof(label))));
        return this;
    }

    /// <summary>Adds a labelled vertical line at <paramref name="x"/> (an event such as "alert A-3 dispatched").</summary>
    /// <returns>This chart.</returns>
    public SvgLineChart AddMarker(double x, string label)
    {
        RequireFinite(x, nameof(x));
        _markers.Add(new ChartMarker(x, RequireText(label, nameof(label))));
        return this;
    }

    /// <summary>Fixes the X axis to <paramref name="minimum"/>..<paramref name="maximum"/> (e.g. the whole run, so several charts line up); what lies outside is clipped.</summary>
    /// <returns>This chart.</returns>
    public SvgLineChart SetXRange(double minimum, double maximum)
    {
        FixedXRange = RequireRange(minimum, maximum);
        return this;
    }

    /// <summary>Fixes the Y axis to <paramref name="minimum"/>..<paramref name="maximum"/> (e.g. 0..100 for a percentage); what lies outside is clipped.</summary>
    /// <returns>This chart.</returns>
    public SvgLineChart SetYRange(double minimum, double maximum)
    {
        FixedYRange = RequireRange(minimum, maximum);
        return this;
    }

    /// <summary>The chart as an SVG document.</summary>
    public string ToSvg() => new SvgChartRenderer(this).Render();

    /// <summary>Writes the chart to <paramref name="path"/> as UTF-8 (creating its folder if needed).</summary>
    public void Save(string path)
    {
        RequireText(path, nameof(path));
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder != null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToSvg(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string RequireText(string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(parameter + " must not be empty", parameter);
        }

        return value;
    }

    private static (double Minimum, double Maximum) RequireRange(double minimum, double maximum)
    {
        RequireFinite(minimum, nameof(minimum));
        RequireFinite(maximum, nameof(maximum));
        if (maximum <= minimum)
        {
            throw new ArgumentException("a range's maximum must be above its minimum", nameof(maximum));
        }

        return (minimum, maximum);
    }

    private static void RequireFinite(double value, string parameter)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(parameter, value, parameter + " must be a finite number");
        }
    }
}
