namespace Tocsin.Simulator.Scenarios;

/// <summary>One node a scenario builds.</summary>
/// <param name="Id">Node id (<c>sn-{community}-{n}</c> or <c>bn-{community}-{n}</c>).</param>
/// <param name="IsSensor">True for a sensor node, false for a loudspeaker.</param>
/// <param name="Community">Community id.</param>
/// <param name="Street">Street id.</param>
/// <param name="CoveredPopulation">Residents a loudspeaker reaches (0 for sensors).</param>
/// <param name="XKm">Position east of the district origin, km.</param>
/// <param name="YKm">Position north, km.</param>
public sealed record PlannedNode(string Id, bool IsSensor, string Community, string Street, int CoveredPopulation, double XKm, double YKm);
