namespace Tocsin.Simulator.World;

/// <summary>
/// Water at one low point (underpass, garage ramp, low street): rain over a contributing catchment
/// runs into a small ponding area, which drains at a limited rate. A linear-reservoir model is enough
/// to reproduce what matters for warnings: water rises within minutes of intense rain, faster than
/// the rain alone, and falls only as fast as the drains allow.
/// </summary>
public sealed class LowPointBasin
{
    /// <summary>Creates a basin.</summary>
    /// <param name="catchmentRatio">Contributing area over ponding area (10–50 for an underpass).</param>
    /// <param name="runoffCoefficient">Share of rain that runs off (0.7–0.95 on paved streets).</param>
    /// <param name="drainMmPerMinute">Depth the drains remove per minute when water stands.</param>
    /// <param name="maxDepthMm">Depth at which water spills elsewhere.</param>
    public LowPointBasin(double catchmentRatio, double runoffCoefficient, double drainMmPerMinute, double maxDepthMm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(catchmentRatio);
        ArgumentOutOfRangeException.ThrowIfNegative(drainMmPerMinute);
        CatchmentRatio = catchmentRatio;
        RunoffCoefficient = runoffCoefficient;
        DrainMmPerMinute = drainMmPerMinute;
        MaxDepthMm = maxDepthMm;
    }

    /// <summary>Contributing area over ponding area.</summary>
    public double CatchmentRatio { get; }

    /// <summary>Share of rain that runs off.</summary>
    public double RunoffCoefficient { get; }

    /// <summary>Drain capacity, mm of depth per minute (a blocked drain fault lowers it).</summary>
    public double DrainMmPerMinute { get; set; }

    /// <summary>Depth at which water spills elsewhere.</summary>
    public double MaxDepthMm { get; }

    /// <summary>Water depth now, mm.</summary>
    public double DepthMm { get; private set; }

    /// <summary>Advances by <paramref name="minutes"/> with rain falling at <paramref name="rainMmPerHour"/>.</summary>
    public void Step(double rainMmPerHour, double minutes)
    {
        double inflow = rainMmPerHour / 60 * RunoffCoefficient * CatchmentRatio * minutes;
        double outflow = DrainMmPerMinute * minutes;
        DepthMm = Math.Clamp(DepthMm + inflow - outflow, 0, MaxDepthMm);
    }
}
