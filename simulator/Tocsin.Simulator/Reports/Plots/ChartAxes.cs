namespace Tocsin.Simulator.Reports.Plots;

/// <summary>Where the plot sits in the image and what range each axis shows: maps data to pixels.</summary>
internal sealed class ChartAxes
{
    /// <summary>Creates the mapping.</summary>
    public ChartAxes(double leftPx, double topPx, double rightPx, double bottomPx, double xMinimum, double xMaximum, double yMinimum, double yMaximum)
    {
        LeftPx = leftPx;
        TopPx = topPx;
        RightPx = rightPx;
        BottomPx = bottomPx;
        XMinimum = xMinimum;
        XMaximum = xMaximum;
        YMinimum = yMinimum;
        YMaximum = yMaximum;
    }

    /// <summary>Plot area's left edge (the Y axis).</summary>
    public double LeftPx { get; }

    /// <summary>Plot area's top edge.</summary>
    public double TopPx { get; }

    /// <summary>Plot area's right edge.</summary>
    public double RightPx { get; }

    /// <summary>Plot area's bottom edge (the X axis).</summary>
    public double BottomPx { get; }

    /// <summary>X value at the left edge.</summary>
    public double XMinimum { get; }

    /// <summary>X value at the right edge.</summary>
    public double XMaximum { get; }

    /// <summary>Y value at the bottom edge.</summary>
    public double YMinimum { get; }

    /// <summary>Y value at the top edge.</summary>
    public double YMaximum { get; }

    /// <summary>Plot width.</summary>
    public double WidthPx => RightPx - LeftPx;

    /// <summary>Plot height.</summary>
    public double HeightPx => BottomPx - TopPx;

    /// <summary>Horizontal pixel of <paramref name="x"/>.</summary>
    public double XPx(double x) => LeftPx + ((x - XMinimum) / (XMaximum - XMinimum) * WidthPx);

    /// <summary>Vertical pixel of <paramref name="y"/> (SVG's Y grows downwards).</summary>
    public double YPx(double y) => BottomPx - ((y - YMinimum) / (YMaximum - YMinimum) * HeightPx);

    /// <summary>True when <paramref name="x"/> lies on the X axis's range.</summary>
    public bool ShowsX(double x) => x >= XMinimum && x <= XMaximum;

    /// <summary>True when <paramref name="y"/> lies on the Y axis's range.</summary>
    public bool ShowsY(double y) => y >= YMinimum && y <= YMaximum;
}
