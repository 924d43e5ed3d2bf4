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

    /// <summary>
    /// A typical low point of the district's, two seeded choices (each taken modulo 5) picking its
    /// catchment (15-39 times its ponding area) and the rain its drains keep up with (10-30 mm/h), with
    /// 85 % runoff and a spill at 1.5 m. Sensors go where water gathers in a downpour: these points flood
    /// under a storm cell's heavy rain, not in drizzle. (Drains sized for 1.5-7.5 mm/h, as they once were,
    /// flooded about half the low points at 3 mm/h and all of them above 7.5 mm/h: a day of moderate
    /// rain left most of a district under a metre or more of water.)
    /// </summary>
    public static LowPointBasin Typical(int catchmentChoice, int drainChoice)
    {
        const double Runoff = 0.85;
        int catchment = 15 + (Math.Abs(catchmentChoice % 5) * 6);
        double keepsUpWithMmPerHour = 10 + (Math.Abs(drainChoice % 5) * 5);
        return new LowPointBasin(catchment, Runoff, RunoffMmPerMinute(keepsUpWithMmPerHour, catchment, Runoff), 1500);
    }

    /// <summary>
    /// What runs off the catchment into the low point in a minute of steady rain at
    /// <paramref name="rainMmPerHour"/>, as mm of depth there: also the drain capacity that just keeps it dry in that rain.
    /// </summary>
    public static double RunoffMmPerMinute(double rainMmPerHour, double catchmentRatio, double runoffCoefficient) =>
        rainMmPerHour / 60 * runoffCoefficient * catchmentRatio;

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
        double inflow = RunoffMmPerMinute(rainMmPerHour, CatchmentRatio, RunoffCoefficient) * minutes;
        double outflow = DrainMmPerMinute * minutes;
        DepthMm = Math.Clamp(DepthMm + inflow - outflow, 0, MaxDepthMm);
    }
}
