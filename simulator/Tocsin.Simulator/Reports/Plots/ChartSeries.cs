namespace Tocsin.Simulator.Reports.Plots;

/// <summary>One named line of a chart: its finite points sorted by X, its colour, and how it joins them.</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Points">Finite points in X order (NaN and infinities already dropped).</param>
/// <param name="Colour">CSS colour (<c>#rrggbb</c> or a colour keyword).</param>
/// <param name="IsStep">True for a value that holds until the next point (coverage %, alert level), drawn as steps.</param>
internal sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points, string Colour, bool IsStep);
