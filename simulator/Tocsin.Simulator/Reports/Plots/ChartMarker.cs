namespace Tocsin.Simulator.Reports.Plots;

/// <summary>A vertical line at the moment something happened, such as an alert being dispatched.</summary>
/// <param name="X">When, on the X axis.</param>
/// <param name="Label">Short text drawn along the line.</param>
internal sealed record ChartMarker(double X, string Label);
