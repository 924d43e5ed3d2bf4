using Tocsin.Controller.Regions;

namespace Tocsin.Simulator.Scenarios;

/// <summary>
/// The nodes a <see cref="NodePlan"/> gives over a region map, placed on the ground (streets on a
/// 4-wide grid 3 km apart, each street's communities around its centre), and the resolution of
/// fault target selectors to node ids.
/// </summary>
public sealed class DistrictPlan
{
    private const double StreetSpacingKm = 3.0;
    private readonly Dictionary<string, PlannedNode> _byId = new(StringComparer.Ordinal);

    /// <summary>Plans the nodes; <paramref name="plan"/>'s communities must exist in <paramref name="map"/>.</summary>
    public DistrictPlan(RegionMap map, NodePlan plan)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(plan);
        Map = map;
        var chosen = plan.Communities == null ? null : new HashSet<string>(plan.Communities, StringComparer.Ordinal);
        var nodes = new List<PlannedNode>();
        var sites = new List<(string Community, string Street, double X, double Y)>();
        for (int s = 0; s < map.Streets.Count; s++)
        {
            Street street = map.Streets[s];
            for (int c = 0; c < street.Communities.Count; c++)
            {
                Community community = street.Communities[c];
                if (chosen != null && !chosen.Contains(community.Id))
                {
                    continue;
                }

                double radius = 0.6 + (0.25 * (c / 5));
                double x = ((s % 4) * StreetSpacingKm) + (radius * Math.Cos(c * 1.3));
                double y = ((s / 4) * StreetSpacingKm) + (radius * Math.Sin(c * 1.3));
                sites.Add((community.Id, street.Id, x, y));
                for (int k = 1; k <= plan.SensorsPerCommunity; k++)
                {
                    // A community's low points lie a few hundred metres apart.
                    nodes.Add(new PlannedNode("sn-" + community.Id + "-" + k, true, community.Id, street.Id, 0, x + (0.15 * (k - 1)), y - (0.1 * (k - 1))));
                }

                int covered = (int)Math.Round(community.Population * plan.CoveredShare);
                for (int k = 1; k <= plan.SpeakersPerCommunity; k++)
                {
                    int share = (covered / plan.SpeakersPerCommunity) + (k <= covered % plan.SpeakersPerCommunity ? 1 : 0);
                    nodes.Add(new PlannedNode("bn-" + community.Id + "-" + k, false, community.Id, street.Id, share, x, y));
                }
            }
        }

        Nodes = nodes;
        Sites = sites;
        foreach (PlannedNode n in nodes)
        {
            _byId[n.Id] = n;
        }
    }

    /// <summary>The region map.</summary>
    public RegionMap Map { get; }

    /// <summary>Every node, street by street, community by community, sensors first.</summary>
    public IReadOnlyList<PlannedNode> Nodes { get; }

    /// <summary>Equipped communities with their street and position.</summary>
    public IReadOnlyList<(string Community, string Street, double XKm, double YKm)> Sites { get; }

    /// <summary>A node by id, or null.</summary>
    public PlannedNode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The nodes a selector names: "all", "sensors", "speakers", "node:ID", "community:ID" or
    /// "street:ID"; null with <paramref name="error"/> when it names nothing that exists.
    /// </summary>
    public IReadOnlyList<PlannedNode>? Resolve(string selector, out string? error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        error = null;
        int colon = selector.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? selector : selector[..colon];
        string id = colon < 0 ? string.Empty : selector[(colon + 1)..];
        List<PlannedNode> found = kind switch
        {
            "all" when colon < 0 => [.. Nodes],
            "sensors" when colon < 0 => Nodes.Where(n => n.IsSensor).ToList(),
            "speakers" when colon < 0 => Nodes.Where(n => !n.IsSensor).ToList(),
            "node" => Find(id) is { } n ? [n] : [],
            "community" => Nodes.Where(n => n.Community == id).ToList(),
            "street" => Nodes.Where(n => n.Street == id).ToList(),
            _ => null!,
        };
        if (found == null)
        {
            error = "'" + selector + "' is not a target: use all, sensors, speakers, node:ID, community:ID or street:ID";
            return null;
        }

        if (found.Count == 0)
        {
            error = "'" + selector + "' names no node of this scenario";
            return null;
        }

        return found;
    }
}
