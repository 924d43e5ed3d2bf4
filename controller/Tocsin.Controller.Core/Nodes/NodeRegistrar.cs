using Tocsin.Controller.Regions;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Nodes;

/// <summary>
/// Validates node registrations against the region map and the nodes already registered, and checks
/// a whole node set after the region map changes. Coverage figures are only honest if no community's
/// speakers claim more residents than it has, so that is an error, not a warning.
/// </summary>
public static class NodeRegistrar
{
    /// <summary>Longest description.</summary>
    public const int MaxDescriptionChars = 200;

    /// <summary>
    /// Validates <paramref name="registration"/> and returns the record to store (not revoked, created
    /// at <paramref name="now"/>), or every problem. Ids are never reused, revoked ones included: the
    /// controller's sequence tracking and the node's replay window are keyed by id.
    /// </summary>
    public static NodeRegistrationResult Register(NodeRegistration registration, RegionMap map, IEnumerable<NodeRecord> existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<ValidationError>();
        var others = existing.ToList();
        string root = JsonPath.Root;
        if (!NodeIds.IsValid(registration.Id, registration.Kind))
        {
            errors.Add(new ValidationError(JsonPath.Member(root, "id"), "must match ^" + NodeKinds.IdPrefix(registration.Kind) + "-[a-z0-9-]{1,28}$ for a " + NodeKinds.ToText(registration.Kind) + " node"));
        }
        else if (others.Exists(n => n.Id == registration.Id))
        {
            errors.Add(new ValidationError(JsonPath.Member(root, "id"), "\"" + registration.Id + "\" is already registered (ids are never reused)"));
        }

        Community? community = map.FindCommunity(registration.CommunityId ?? string.Empty);
        if (community == null)
        {
            errors.Add(new ValidationError(JsonPath.Member(root, "communityId"), "\"" + registration.CommunityId + "\" is not a community of the region map"));
        }

        if (registration.Location is { IsValid: false })
        {
            errors.Add(new ValidationError(JsonPath.Member(root, "location"), "latitude must be -90 to 90 and longitude -180 to 180"));
        }

        if (registration.Description is { Length: > MaxDescriptionChars })
        {
            errors.Add(new ValidationError(JsonPath.Member(root, "description"), "must be at most 200 characters"));
        }

        CheckCoveredPopulation(registration, community, others, errors);
        if (errors.Count > 0)
        {
            return NodeRegistrationResult.Failure(errors);
        }

        return NodeRegistrationResult.Success(new NodeRecord(
            registration.Id, registration.Kind, registration.CommunityId!, registration.Location,
            registration.Description ?? string.Empty, registration.CoveredPopulation, Revoked: false, now));
    }

    /// <summary>
    /// Checks a whole node set against <paramref name="map"/> (e.g. after the region file was reloaded):
    /// nodes in unknown communities, and communities whose active speakers claim more residents than
    /// it has. Paths name the node (<c>$.nodes['bn-0001']</c>) or the community.
    /// </summary>
    public static IReadOnlyList<ValidationError> CheckAgainst(RegionMap map, IEnumerable<NodeRecord> nodes)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(nodes);
        var errors = new List<ValidationError>();
        var list = nodes.Where(n => !n.Revoked).ToList();
        foreach (NodeRecord n in list.Where(n => !map.ContainsCommunity(n.CommunityId)))
        {
            errors.Add(new ValidationError(JsonPath.Member(JsonPath.Member(JsonPath.Root, "nodes"), n.Id), "community \"" + n.CommunityId + "\" is not in the region map"));
        }

        foreach (IGrouping<string, NodeRecord> g in list.Where(n => n.Kind == NodeKind.Broadcast).GroupBy(n => n.CommunityId, StringComparer.Ordinal))
        {
            long sum = g.Sum(n => (long)n.CoveredPopulation);
            if (map.TryGetCommunity(g.Key, out Community? c) && sum > c.Population)
            {
                errors.Add(new ValidationError(
                    JsonPath.Member(JsonPath.Member(JsonPath.Root, "communities"), g.Key),
                    "broadcast nodes cover " + Num(sum) + " residents but the community has " + Num(c.Population)));
            }
        }

        return errors;
    }

    private static void CheckCoveredPopulation(NodeRegistration r, Community? community, List<NodeRecord> others, List<ValidationError> errors)
    {
        string path = JsonPath.Member(JsonPath.Root, "coveredPopulation");
        if (r.Kind == NodeKind.Sensor)
        {
            if (r.CoveredPopulation != 0)
            {
                errors.Add(new ValidationError(path, "must be 0 for a sensor node (only speakers cover residents)"));
            }

            return;
        }

        if (r.CoveredPopulation <= 0)
        {
            errors.Add(new ValidationError(path, "must be a positive integer for a broadcast node"));
            return;
        }

        if (community == null)
        {
            return;
        }

        long already = others.Where(n => n.IsActiveSpeaker && n.CommunityId == community.Id).Sum(n => (long)n.CoveredPopulation);
        if (already + r.CoveredPopulation > community.Population)
        {
            errors.Add(new ValidationError(path, "with the community's other broadcast nodes (" + Num(already) + ") this covers "
                + Num(already + r.CoveredPopulation) + " residents, more than its population of " + Num(community.Population)));
        }
    }

    private static string Num(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
