using Tocsin.Controller.Alerts;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;

namespace Tocsin.Controller.Coverage;

/// <summary>
/// Coverage of one alert by a deadline. The speakers targeted are those its broadcast commands
/// addressed (any version); a speaker counts as reaching its covered population when any version
/// played or succeeded on it by the deadline. Residents are the populations of the targeted
/// communities, so a community without speakers shows as residents nobody reached.
/// </summary>
public static class CoverageCalculator
{
    /// <summary>Computes <paramref name="alert"/>'s coverage from <paramref name="deliveries"/> (e.g. <see cref="DeliveryLedger.DeliveriesOfAlert"/>).</summary>
    public static AlertCoverage ForAlert(Alert alert, RegionMap map, IEnumerable<NodeRecord> nodes, IEnumerable<NodeDelivery> deliveries, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return ForAlert(alert, map, nodes.ToDictionary(n => n.Id, StringComparer.Ordinal), deliveries, deadline);
    }

    /// <summary>
    /// Computes <paramref name="alert"/>'s coverage from <paramref name="deliveries"/>, with the node
    /// records by id as the caller keeps them: only the targeted speakers' records are looked up, so a
    /// district of 10,000 nodes is not copied into a table for every alert asked about.
    /// </summary>
    public static AlertCoverage ForAlert(Alert alert, RegionMap map, IReadOnlyDictionary<string, NodeRecord> nodesById, IEnumerable<NodeDelivery> deliveries, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(nodesById);
        ArgumentNullException.ThrowIfNull(deliveries);
        var targeted = new HashSet<string>(alert.CommunityIds, StringComparer.Ordinal);
        var perNode = deliveries
            .Where(d => CommandIds.TryParse(d.CommandId, out string? a, out _, out string? kind) && a == alert.Id && kind == CommandKinds.Broadcast)
            .Where(d => targeted.Contains(d.CommunityId))
            .GroupBy(d => d.NodeId, StringComparer.Ordinal)
            .Select(g => Judge(g.ToList(), nodesById.GetValueOrDefault(g.Key), deadline))
            .ToList();

        ILookup<string, SpeakerVerdict> byCommunity = perNode.ToLookup(s => s.CommunityId, StringComparer.Ordinal);
        var communities = new List<CommunityCoverage>();
        foreach (string id in map.Communities.Select(c => c.Id).Where(targeted.Contains))
        {
            var speakers = byCommunity[id].ToList();
            var figures = new CoverageFigures(
                map.FindCommunity(id)!.Population,
                speakers.Sum(s => (long)s.Covered),
                speakers.Where(s => s.Reached).Sum(s => (long)s.Covered),
                speakers.Count,
                speakers.Count(s => s.Reached));
            communities.Add(new CommunityCoverage(id, map.StreetOf(id)!.Id, figures));
        }

        var streets = communities.GroupBy(c => c.StreetId, StringComparer.Ordinal)
            .Select(g => new StreetCoverage(g.Key, g.Aggregate(CoverageFigures.Zero, (sum, c) => sum.Add(c.Figures))))
            .ToList();
        CoverageFigures district = communities.Aggregate(CoverageFigures.Zero, (sum, c) => sum.Add(c.Figures));
        var silent = perNode.Where(s => !s.Heard).Select(s => s.Issue).OrderBy(i => i.NodeId, StringComparer.Ordinal).ToList();
        var failed = perNode.Where(s => s.Heard && !s.Reached).Select(s => s.Issue).OrderBy(i => i.NodeId, StringComparer.Ordinal).ToList();
        return new AlertCoverage(alert.Id, deadline, district, streets, communities, silent, failed);
    }

    private static SpeakerVerdict Judge(List<NodeDelivery> versions, NodeRecord? node, DateTimeOffset deadline)
    {
        NodeDelivery first = versions[0];
        int covered = node?.CoveredPopulation ?? 0;
        bool reached = versions.Exists(v => v.ReachedBy(deadline));
        bool heard = versions.Exists(v => v.HeardBy(deadline));
        // The latest version that produced any result says best where the speaker stands.
        DeliveryEvent? latest = versions.Select(v => v.LatestBy(deadline)).Where(e => e != null).MaxBy(e => e!.ReceivedAt);
        var issue = new SpeakerIssue(first.NodeId, first.CommunityId, covered, latest?.State ?? DeliveryState.Pending, latest?.Reason);
        return new SpeakerVerdict(first.CommunityId, covered, reached, heard, issue);
    }

    private sealed record SpeakerVerdict(string CommunityId, int Covered, bool Reached, bool Heard, SpeakerIssue Issue);
}
