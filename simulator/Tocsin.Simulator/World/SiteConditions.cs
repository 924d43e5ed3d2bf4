namespace Tocsin.Simulator.World;

/// <summary>
/// What the world puts at one sensor's site now: the rain falling on its gauge and the water under its
/// depth sensor. The world writes these at each of its steps; the sensor reads them at its own next
/// step, so a world step touches a small object per site instead of each board's hardware.
/// </summary>
public sealed class SiteConditions
{
    /// <summary>Rain falling on the gauge, mm/h.</summary>
    public double RainMmPerHour { get; set; }

    /// <summary>Water depth under the sensor, mm.</summary>
    public int WaterDepthMm { get; set; }
}
