using Tocsin.Controller.Regions;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Alerts;

/// <summary>Where an alert goes: the district, some streets, or some communities.</summary>
/// <param name="Scope">District, streets or communities.</param>
/// <param name="Ids">Street or community ids (empty for the district).</param>
public sealed record AlertTarget(TargetScope Scope, IReadOnlyList<string> Ids)
{
    /// <summary>The whole district.</summary>
    public static AlertTarget WholeDistrict() => new(TargetScope.District, []);

    /// <summary>The given streets.</summary>
    public static AlertTarget ForStreets(params string[] streetIds) => new(TargetScope.Streets, streetIds);

    /// <summary>The given communities.</summary>
    public static AlertTarget ForCommunities(params string[] communityIds) => new(TargetScope.Communities, communityIds);

    /// <summary>Resolves to community ids; errors name each unknown id as <c>$.target.ids[i]</c>.</summary>
    public TargetResolution Resolve(RegionMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var errors = new List<ValidationError>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        string idsPath = JsonPath.Member(JsonPath.Member(JsonPath.Root, "target"), "ids");
        if (Scope == TargetScope.District)
        {
            wanted.UnionWith(map.Communities.Select(c => c.Id));
        }
        else if (Ids.Count == 0)
        {
            errors.Add(new ValidationError(idsPath, Scope == TargetScope.Streets ? "must name at least one street" : "must name at least one community"));
        }

        for (int i = 0; Scope != TargetScope.District && i < Ids.Count; i++)
        {
            string id = Ids[i];
            if (Scope == TargetScope.Streets && map.FindStreet(id) is Street street)
            {
                wanted.UnionWith(street.Communities.Select(c => c.Id));
            }
            else if (Scope == TargetScope.Communities && map.ContainsCommunity(id))
            {
                wanted.Add(id);
            }
            else
            {
                errors.Add(new ValidationError(JsonPath.Element(idsPath, i), "\"" + id + "\" is not a " + (Scope == TargetScope.Streets ? "street" : "community") + " of the region map"));
            }
        }

        var ordered = map.Communities.Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToList();
        return new TargetResolution(ordered, ordered.Count == map.Communities.Count, errors);
    }
}
