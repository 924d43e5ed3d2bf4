namespace Tocsin.Simulator.World;

/// <summary>
/// A moving rain cell: a Gaussian footprint of peak intensity that travels in a straight line, ramps
/// up, holds and decays. Typhoon rain bands and convective bursts are both a few of these.
/// </summary>
/// <param name="StartMinute">When the cell appears.</param>
/// <param name="DurationMinutes">How long it lives.</param>
/// <param name="StartXKm">Centre at the start, km east of the district origin.</param>
/// <param name="StartYKm">Centre at the start, km north.</param>
/// <param name="VelocityXKmPerHour">Eastward speed.</param>
/// <param name="VelocityYKmPerHour">Northward speed.</param>
/// <param name="RadiusKm">Footprint standard deviation.</param>
/// <param name="PeakMmPerHour">Rate at the centre at full strength.</param>
public sealed record StormCell(
    double StartMinute,
    double DurationMinutes,
    double StartXKm,
    double StartYKm,
    double VelocityXKmPerHour,
    double VelocityYKmPerHour,
    double RadiusKm,
    double PeakMmPerHour)
{
    /// <summary>Rain rate this cell gives at a point and minute, mm/h.</summary>
    public double RateAt(double xKm, double yKm, double minute)
    {
        double age = minute - StartMinute;
        if (age < 0 || age > DurationMinutes || RadiusKm <= 0)
        {
            return 0;
        }

        // Ramp up over the first fifth, decay over the last fifth: cells neither switch on nor off.
        double ramp = DurationMinutes / 5;
        double strength = age < ramp ? age / ramp : (DurationMinutes - age < ramp ? (DurationMinutes - age) / ramp : 1);
        double cx = StartXKm + (VelocityXKmPerHour * age / 60);
        double cy = StartYKm + (VelocityYKmPerHour * age / 60);
        double d2 = ((xKm - cx) * (xKm - cx)) + ((yKm - cy) * (yKm - cy));
        return PeakMmPerHour * strength * Math.Exp(-d2 / (2 * RadiusKm * RadiusKm));
    }
}
