namespace Tocsin.Simulator.Scenarios;

/// <summary>How water gathers at one community's low point (see <c>World.LowPointBasin</c>).</summary>
/// <param name="Community">The community.</param>
/// <param name="CatchmentRatio">Contributing area over ponding area.</param>
/// <param name="Runoff">Share of rain that runs off.</param>
/// <param name="DrainMmPerMinute">Drain capacity, mm of depth per minute.</param>
/// <param name="MaxDepthMm">Depth at which water spills elsewhere.</param>
public sealed record SiteSpec(string Community, double CatchmentRatio, double Runoff, double DrainMmPerMinute, double MaxDepthMm);
