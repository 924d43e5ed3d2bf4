using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Live;

/// <summary>
/// A typhoon's rain over the district in world minutes: a background that builds and fades, a broad
/// band crossing from the south-east, and two intense bursts, as landfalling typhoons bring to
/// Quanzhou. Rates are mm/h.
/// </summary>
public static class TyphoonRain
{
    /// <summary>The field for a storm lasting about <paramref name="minutes"/> world minutes.</summary>
    public static RainField Create(double minutes)
    {
        double m = minutes;
        return new RainField(
            [(0, 2), (m * 0.2, 12), (m * 0.5, 25), (m * 0.8, 10), (m, 2)],
            [
                new StormCell(m * 0.1, m * 0.6, 14, -6, -2.2, 1.4, 4.5, 60),
                new StormCell(m * 0.35, m * 0.2, 9, 2, -1.5, 0.8, 1.8, 110),
                new StormCell(m * 0.55, m * 0.15, 4, 5, -1.0, -0.5, 1.5, 95),
            ]);
    }
}
