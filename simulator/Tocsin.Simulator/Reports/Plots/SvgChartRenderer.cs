using System.Text;

namespace Tocsin.Simulator.Reports.Plots;

/// <summary>Lays out and draws one <see cref="SvgLineChart"/>: title, legend, grid, axes, thresholds, series, markers.</summary>
internal sealed class SvgChartRenderer
{
    private const double MarginPx = 16;
    private const double FontPx = 12;
    private const double TitleFontPx = 17;
    private const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private const string ClipId = "tocsin-chart-plot-area";
    private const string ThresholdColour = "#B2182B";
    private const double LabelFontPx = 11;
    private const double ClipSlackPx = 2;
    private readonly SvgLineChart _chart;
    private readonly SvgBuilder _svg = new();

    /// <summary>Creates a renderer for <paramref name="chart"/>.</summary>
    public SvgChartRenderer(SvgLineChart chart)
    {
        _chart = chart;
    }

    /// <summary>The complete SVG document.</summary>
    public string Render()
    {
        double width = _chart.WidthPx;
        double height = _chart.HeightPx;
        var legend = new ChartLegend(_chart.Series, width - (2 * MarginPx));
        double legendTop = MarginPx + TitleFontPx + 20;
        double plotTop = legendTop + legend.HeightPx + 4;
        double plotBottom = height - MarginPx - FontPx - 10 - FontPx - 8;

        // Y before X: the widest Y tick label decides where the plot's left edge goes.
        (double yMin, double yMax, IReadOnlyList<double> yTicks, NiceScale yScale) = YAxis(plotBottom - plotTop);
        double yLabelWidth = yTicks.Count == 0 ? 0 : yTicks.Max(t => SvgText.EstimatedWidthPx(yScale.Format(t), FontPx));
        double plotLeft = MarginPx + FontPx + 12 + yLabelWidth + 6;
        double plotRight = width - MarginPx - 20;
        (double xMin, double xMax, IReadOnlyList<double> xTicks, NiceScale xScale) = XAxis(plotRight - plotLeft);
        var axes = new ChartAxes(plotLeft, plotTop, plotRight, plotBottom, xMin, xMax, yMin, yMax);

        _svg.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        _svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("width", SvgText.Number(width)), ("height", SvgText.Number(height)),
            ("viewBox", "0 0 " + SvgText.Number(width) + " " + SvgText.Number(height)), ("font-family", FontFamily), ("role", "img"));
        _svg.TextElement("title", _chart.Title);
        _svg.Element("rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));
        _svg.Open("defs");
        _svg.Open("clipPath", ("id", ClipId));
        // A little larger than the plot, so a line along the top or bottom edge keeps its full width.
        _svg.Element("rect", ("x", SvgText.Number(plotLeft - ClipSlackPx)), ("y", SvgText.Number(plotTop - ClipSlackPx)),
            ("width", SvgText.Number(axes.WidthPx + (2 * ClipSlackPx))), ("height", SvgText.Number(axes.HeightPx + (2 * ClipSlackPx))));
        _svg.Close("clipPath");
        _svg.Close("defs");
        _svg.Text(_chart.Title, ("class", "chart-title"), ("x", SvgText.Number(width / 2)), ("y", SvgText.Number(MarginPx + TitleFontPx)),
            ("text-anchor", "middle"), ("font-size", SvgText.Number(TitleFontPx)), ("font-weight", "bold"), ("fill", "#222222"));
        legend.Write(_svg, width / 2, legendTop);
        WriteGridAndTicks(axes, xTicks, xScale, yTicks, yScale);
        WriteAxisTitles(axes);
        WriteThresholdLines(axes);
        WriteMarkerLines(axes);
        WriteSeries(axes);
        WriteLabels(axes);
        if (_chart.Series.All(s => s.Points.Count == 0))
        {
            _svg.Text("no data", ("class", "no-data"), ("x", SvgText.Number((plotLeft + plotRight) / 2)), ("y", SvgText.Number((plotTop + plotBottom) / 2)),
                ("text-anchor", "middle"), ("font-size", "16"), ("fill", "#777777"));
        }

        _svg.Close("svg");
        return _svg.ToString();
    }

    private static double[] Within(IReadOnlyList<double> ticks, double min, double max)
    {
        double tolerance = (max - min) * 1e-9;
        return ticks.Where(t => t >= min - tolerance && t <= max + tolerance).ToArray();
    }

    private (double Min, double Max, IReadOnlyList<double> Ticks, NiceScale Scale) YAxis(double plotHeightPx)
    {
        int targetTicks = Math.Clamp((int)(plotHeightPx / 55), 3, 12);
        if (_chart.FixedYRange is (double fixedMin, double fixedMax))
        {
            NiceScale inside = NiceScale.Covering(fixedMin, fixedMax, targetTicks);
            return (fixedMin, fixedMax, Within(inside.Ticks, fixedMin, fixedMax), inside);
        }

        // Thresholds count as data: a reader needs to see how far the water is from the warning level.
        double[] values = _chart.Series.SelectMany(s => s.Points.Select(p => p.Y)).Concat(_chart.Thresholds.Select(t => t.Y)).ToArray();
        NiceScale scale = values.Length == 0 ? NiceScale.Covering(0, 1, targetTicks) : NiceScale.Covering(values.Min(), values.Max(), targetTicks);
        return (scale.Minimum, scale.Maximum, scale.Ticks, scale);
    }

    private (double Min, double Max, IReadOnlyList<double> Ticks, NiceScale Scale) XAxis(double plotWidthPx)
    {
        int targetTicks = Math.Clamp((int)(plotWidthPx / 90), 3, 15);
        if (_chart.FixedXRange is (double fixedMin, double fixedMax))
        {
            NiceScale inside = NiceScale.Covering(fixedMin, fixedMax, targetTicks);
            return (fixedMin, fixedMax, Within(inside.Ticks, fixedMin, fixedMax), inside);
        }

        double[] values = _chart.Series.SelectMany(s => s.Points.Select(p => p.X)).Concat(_chart.Markers.Select(m => m.X)).ToArray();
        double low = values.Length == 0 ? 0 : values.Min();
        double high = values.Length == 0 ? 1 : values.Max();
        NiceScale scale = NiceScale.Covering(low, high, targetTicks);
        if (low == high)
        {
            // One instant: widen to the round band around it so the point sits inside the plot.
            return (scale.Minimum, scale.Maximum, scale.Ticks, scale);
        }

        // Time runs edge to edge: the axis spans exactly the run, with round ticks inside it.
        return (low, high, Within(scale.Ticks, low, high), scale);
    }

    private void WriteGridAndTicks(ChartAxes axes, IReadOnlyList<double> xTicks, NiceScale xScale, IReadOnlyList<double> yTicks, NiceScale yScale)
    {
        _svg.Open("g", ("class", "y-ticks"), ("font-size", SvgText.Number(FontPx)), ("fill", "#444444"));
        foreach (double tick in yTicks)
        {
            string y = SvgText.Number(axes.YPx(tick));
            _svg.Element("line", ("class", "grid"), ("x1", SvgText.Number(axes.LeftPx)), ("y1", y), ("x2", SvgText.Number(axes.RightPx)), ("y2", y), ("stroke", "#e4e4e4"), ("stroke-width", "1"));
            _svg.Element("line", ("class", "tick"), ("x1", SvgText.Number(axes.LeftPx - 5)), ("y1", y), ("x2", SvgText.Number(axes.LeftPx)), ("y2", y), ("stroke", "#444444"), ("stroke-width", "1"));
            _svg.Text(yScale.Format(tick), ("x", SvgText.Number(axes.LeftPx - 8)), ("y", SvgText.Number(axes.YPx(tick) + (FontPx * 0.35))), ("text-anchor", "end"));
        }

        _svg.Close("g");
        _svg.Open("g", ("class", "x-ticks"), ("font-size", SvgText.Number(FontPx)), ("fill", "#444444"));
        foreach (double tick in xTicks)
        {
            string x = SvgText.Number(axes.XPx(tick));
            _svg.Element("line", ("class", "grid"), ("x1", x), ("y1", SvgText.Number(axes.TopPx)), ("x2", x), ("y2", SvgText.Number(axes.BottomPx)), ("stroke", "#f0f0f0"), ("stroke-width", "1"));
            _svg.Element("line", ("class", "tick"), ("x1", x), ("y1", SvgText.Number(axes.BottomPx)), ("x2", x), ("y2", SvgText.Number(axes.BottomPx + 5)), ("stroke", "#444444"), ("stroke-width", "1"));
            _svg.Text(xScale.Format(tick), ("x", x), ("y", SvgText.Number(axes.BottomPx + 8 + FontPx)), ("text-anchor", "middle"));
        }

        _svg.Close("g");
        string path = "M" + SvgText.Number(axes.LeftPx) + " " + SvgText.Number(axes.TopPx) + "V" + SvgText.Number(axes.BottomPx) + "H" + SvgText.Number(axes.RightPx);
        _svg.Element("path", ("class", "axes"), ("d", path), ("fill", "none"), ("stroke", "#444444"), ("stroke-width", "1"));
    }

    private void WriteAxisTitles(ChartAxes axes)
    {
        double yCentre = (axes.TopPx + axes.BottomPx) / 2;
        double yTitleX = MarginPx + FontPx;
        _svg.Text(_chart.XAxisTitle, ("class", "x-title"), ("x", SvgText.Number((axes.LeftPx + axes.RightPx) / 2)), ("y", SvgText.Number(_chart.HeightPx - MarginPx)),
            ("text-anchor", "middle"), ("font-size", SvgText.Number(FontPx + 1)), ("fill", "#222222"));
        _svg.Text(_chart.YAxisTitle, ("class", "y-title"), ("x", SvgText.Number(yTitleX)), ("y", SvgText.Number(yCentre)), ("text-anchor", "middle"),
            ("font-size", SvgText.Number(FontPx + 1)), ("fill", "#222222"), ("transform", "rotate(-90 " + SvgText.Number(yTitleX) + " " + SvgText.Number(yCentre) + ")"));
    }

    private void WriteThresholdLines(ChartAxes axes)
    {
        _svg.Open("g", ("class", "thresholds"), ("stroke", ThresholdColour), ("stroke-width", "1.2"), ("stroke-dasharray", "7 4"));
        foreach (ChartThreshold threshold in _chart.Thresholds.Where(t => axes.ShowsY(t.Y)))
        {
            string y = SvgText.Number(axes.YPx(threshold.Y));
            _svg.Element("line", ("class", "threshold"), ("data-label", threshold.Label), ("x1", SvgText.Number(axes.LeftPx)), ("y1", y), ("x2", SvgText.Number(axes.RightPx)), ("y2", y));
        }

        _svg.Close("g");
    }

    private void WriteSeries(ChartAxes axes)
    {
        _svg.Open("g", ("class", "series"), ("clip-path", "url(#" + ClipId + ")"));
        foreach (ChartSeries series in _chart.Series.Where(s => s.Points.Count > 0))
        {
            IReadOnlyList<(double X, double Y)> points = MinMaxDownsampler.Reduce(series.Points, axes.XMinimum, axes.XMaximum, Math.Max(1, (int)axes.WidthPx));
            _svg.Element("path", ("class", "series-line"), ("data-series", series.Name), ("d", PathData(axes, points, series.IsStep)), ("fill", "none"),
                ("stroke", series.Colour), ("stroke-width", "1.8"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"));
            if (points.Count == 1)
            {
                // A path of one point draws nothing; a dot shows where the lone sample is.
                _svg.Element("circle", ("class", "series-point"), ("data-series", series.Name), ("cx", SvgText.Number(axes.XPx(points[0].X))),
                    ("cy", SvgText.Number(axes.YPx(points[0].Y))), ("r", "3"), ("fill", series.Colour));
            }
        }

        _svg.Close("g");
    }

    private static string PathData(ChartAxes axes, IReadOnlyList<(double X, double Y)> points, bool step)
    {
        var d = new StringBuilder(points.Count * 14);
        string previousY = string.Empty;
        for (int i = 0; i < points.Count; i++)
        {
            string x = SvgText.Number(axes.XPx(points[i].X));
            string y = SvgText.Number(axes.YPx(points[i].Y));
            if (i == 0)
            {
                d.Append('M').Append(x).Append(' ').Append(y);
            }
            else if (step)
            {
                // The old value holds until this sample, then jumps.
                d.Append('H').Append(x);
                if (y != previousY)
                {
                    d.Append('V').Append(y);
                }
            }
            else
            {
                d.Append('L').Append(x).Append(' ').Append(y);
            }

            previousY = y;
        }

        return d.ToString();
    }

    private void WriteMarkerLines(ChartAxes axes)
    {
        _svg.Open("g", ("class", "markers"), ("stroke", "#555555"), ("stroke-width", "1"), ("stroke-dasharray", "2 3"));
        foreach (ChartMarker marker in _chart.Markers.Where(m => axes.ShowsX(m.X)))
        {
            string x = SvgText.Number(axes.XPx(marker.X));
            _svg.Element("line", ("class", "marker"), ("data-label", marker.Label), ("x1", x), ("y1", SvgText.Number(axes.TopPx)), ("x2", x), ("y2", SvgText.Number(axes.BottomPx)));
        }

        _svg.Close("g");
    }

    private void WriteLabels(ChartAxes axes)
    {
        // Above the series on a pale backdrop, so a line running through a label never hides it.
        _svg.Open("g", ("class", "labels"), ("font-size", SvgText.Number(LabelFontPx)));
        foreach (ChartThreshold threshold in _chart.Thresholds.Where(t => axes.ShowsY(t.Y)))
        {
            double x = axes.RightPx - 4;
            double y = axes.YPx(threshold.Y) - 4;
            WriteBackdrop(threshold.Label, x, y, transform: null);
            _svg.Text(threshold.Label, ("class", "threshold-label"), ("x", SvgText.Number(x)), ("y", SvgText.Number(y)), ("text-anchor", "end"), ("fill", ThresholdColour));
        }

        foreach (ChartMarker marker in _chart.Markers.Where(m => axes.ShowsX(m.X)))
        {
            // Along the line, reading upwards, ending just below the plot's top edge; the glyphs sit
            // left of the line, or right of it where the left would cover the Y axis's labels.
            double lineX = axes.XPx(marker.X);
            double x = lineX - axes.LeftPx < LabelFontPx + 6 ? lineX + 4 + LabelFontPx : lineX - 4;
            double y = axes.TopPx + 4;
            string transform = "rotate(-90 " + SvgText.Number(x) + " " + SvgText.Number(y) + ")";
            WriteBackdrop(marker.Label, x, y, transform);
            _svg.Text(marker.Label, ("class", "marker-label"), ("x", SvgText.Number(x)), ("y", SvgText.Number(y)), ("text-anchor", "end"), ("fill", "#333333"), ("transform", transform));
        }

        _svg.Close("g");
    }

    /// <summary>A translucent box behind end-anchored text at (<paramref name="x"/>, <paramref name="y"/>), sized from the text's estimated width.</summary>
    private void WriteBackdrop(string label, double x, double y, string? transform)
    {
        double widthPx = SvgText.EstimatedWidthPx(label, LabelFontPx) + 4;
        _svg.Element("rect", ("class", "label-backdrop"), ("x", SvgText.Number(x - widthPx + 2)), ("y", SvgText.Number(y - LabelFontPx)), ("width", SvgText.Number(widthPx)),
            ("height", SvgText.Number(LabelFontPx + 3)), ("fill", "#ffffff"), ("fill-opacity", "0.85"), ("transform", transform));
    }
}
