namespace Tocsin.Simulator.Reports;

/// <summary>Series sampled every few minutes for the report's plots (x is the scenario minute).</summary>
public sealed record SeriesSet
{
    /// <summary>Sampling interval, minutes.</summary>
    public double EveryMinutes { get; init; }

    /// <summary>Mean rain rate over the equipped communities, mm/h.</summary>
    public required IReadOnlyList<double[]> RainMeanMmPerHour { get; init; }

    /// <summary>Heaviest rain rate anywhere, mm/h.</summary>
    public required IReadOnlyList<double[]> RainMaxMmPerHour { get; init; }

    /// <summary>Water depth at the deepest sites (up to 8), mm, by sensor node.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<double[]>> DepthMm { get; init; }

    /// <summary>Share of targeted residents reached, percent, per dispatched alert.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<double[]>> CoveragePercent { get; init; }
}
