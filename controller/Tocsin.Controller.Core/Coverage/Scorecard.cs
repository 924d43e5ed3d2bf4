using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;

namespace Tocsin.Controller.Coverage;

/// <summary>Computes the <see cref="DistrictScorecard"/>.</summary>
public static class Scorecard
{
    /// <summary>
    /// Terminal coverage from the speakers that are healthy now (<paramref name="healthyNodeIds"/>, from
    /// the health tracker); warning reach from <paramref name="alert"/> (reached over the residents it
    /// targeted, which for a district-wide alert is the district); reports on time from <paramref name="reports"/>.
    /// </summary>
    public static DistrictScorecard Compute(
        RegionMap map,
        IEnumerable<NodeRecord> nodes,
        IReadOnlySet<string> healthyNodeIds,
        AlertCoverage? alert,
        TimelinessFigures? reports,
        PlanTargets? targets = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(healthyNodeIds);
        PlanTargets t = targets ?? PlanTargets.District;
        long healthy = nodes.Where(n => n.IsActiveSpeaker && healthyNodeIds.Contains(n.Id) && map.ContainsCommunity(n.CommunityId))
            .Sum(n => (long)n.CoveredPopulation);
        double? terminal = map.Population == 0 ? null : (double)healthy / map.Population;
        double? reach = alert == null || alert.District.Residents == 0 ? null : alert.District.ResidentRatio;
        return new DistrictScorecard(
            map.Population,
            healthy,
            new TargetMeasure(terminal, t.TerminalCoverage),
            new TargetMeasure(reach, t.WarningReach),
            new TargetMeasure(reports?.Ratio, t.ReportsOnTime));
    }
}
