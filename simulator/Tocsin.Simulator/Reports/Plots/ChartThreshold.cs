namespace Tocsin.Simulator.Reports.Plots;

/// <summary>A horizontal reference line, such as a warning level or a coverage target.</summary>
/// <param name="Y">Its value on the Y axis.</param>
/// <param name="Label">Short text drawn at its right end.</param>
internal sealed record ChartThreshold(double Y, string Label);
