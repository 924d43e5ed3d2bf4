namespace Tocsin.Simulator.Reports.Plots;

/// <summary>
/// The legend under the title: one entry per series (a colour swatch and the name), laid out in
/// centred rows that wrap when the names do not fit one line.
/// </summary>
internal sealed class ChartLegend
{
    private const double SwatchPx = 22;
    private const double SwatchGapPx = 6;
    private const double EntryGapPx = 20;
    private const double FontPx = 12;
    private readonly List<List<(ChartSeries Series, string Text, double WidthPx)>> _rows = [];

    /// <summary>Lays out <paramref name="series"/> in rows no wider than <paramref name="availableWidthPx"/>.</summary>
    public ChartLegend(IReadOnlyList<ChartSeries> series, double availableWidthPx)
    {
        List<(ChartSeries, string, double)>? row = null;
        double rowWidth = 0;
        foreach (ChartSeries s in series)
        {
            string text = s.Points.Count == 0 ? s.Name + " (no data)" : s.Name;
            double width = SwatchPx + SwatchGapPx + SvgText.EstimatedWidthPx(text, FontPx);
            if (row == null || rowWidth + EntryGapPx + width > availableWidthPx)
            {
                row = [];
                _rows.Add(row);
                rowWidth = -EntryGapPx;
            }

            row.Add((s, text, width));
            rowWidth += EntryGapPx + width;
        }
    }

    /// <summary>Height of one row.</summary>
    public static double RowHeightPx => 18;

    /// <summary>Height of all rows.</summary>
    public double HeightPx => _rows.Count * RowHeightPx;

    /// <summary>Writes the legend with its first row's baseline at <paramref name="topBaselinePx"/>, centred on <paramref name="centreXPx"/>.</summary>
    public void Write(SvgBuilder svg, double centreXPx, double topBaselinePx)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        svg.Open("g", ("class", "legend"), ("font-size", SvgText.Number(FontPx)));
        for (int r = 0; r < _rows.Count; r++)
        {
            double rowWidth = _rows[r].Sum(e => e.WidthPx) + (EntryGapPx * (_rows[r].Count - 1));
            double x = centreXPx - (rowWidth / 2);
            double baseline = topBaselinePx + (r * RowHeightPx);
            foreach (var (series, text, width) in _rows[r])
            {
                bool empty = series.Points.Count == 0;
                svg.Open("g", ("class", "legend-entry"), ("data-series", series.Name));
                svg.Element("line", ("x1", SvgText.Number(x)), ("y1", SvgText.Number(baseline - 4)), ("x2", SvgText.Number(x + SwatchPx)), ("y2", SvgText.Number(baseline - 4)),
                    ("stroke", series.Colour), ("stroke-width", "3"), ("stroke-dasharray", empty ? "3 3" : null));
                svg.Text(text, ("x", SvgText.Number(x + SwatchPx + SwatchGapPx)), ("y", SvgText.Number(baseline)), ("fill", empty ? "#777777" : "#222222"));
                svg.Close("g");
                x += width + EntryGapPx;
            }
        }

        svg.Close("g");
    }
}
