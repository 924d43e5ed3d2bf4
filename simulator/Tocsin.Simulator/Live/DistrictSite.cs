using Tocsin.Simulator.Nodes;
using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Live;

/// <summary>One simulated community: where it is, its low point and the nodes installed there.</summary>
public sealed record DistrictSite(string Street, string Community, int Population, double XKm, double YKm, LowPointBasin Basin, VirtualSensorNode Sensor, IReadOnlyList<VirtualBroadcastNode> Speakers);
