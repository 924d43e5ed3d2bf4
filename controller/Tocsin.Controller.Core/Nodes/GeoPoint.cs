namespace Tocsin.Controller.Nodes;

/// <summary>A WGS-84 position in decimal degrees.</summary>
/// <param name="Latitude">-90 to 90.</param>
/// <param name="Longitude">-180 to 180.</param>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    /// <summary>True when both values are finite and in range.</summary>
    public bool IsValid => double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
