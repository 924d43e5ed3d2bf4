using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Deterministic;

/// <summary>One sensor's low point in a deterministic run: where it is, its water, and what its sensor reads next.</summary>
/// <param name="XKm">East of the district's origin, km.</param>
/// <param name="YKm">North of the district's origin, km.</param>
/// <param name="Basin">The water there.</param>
/// <param name="Conditions">Rain and depth for the sensor's next step.</param>
public sealed record SimulatedSite(double XKm, double YKm, LowPointBasin Basin, SiteConditions Conditions);
